import type { Conn } from '../../db/client'
import { postgresPoolOf } from '../../db/dialect'
import type { Templates } from './templates'

/**
 * The WeChat subscription channel of one app: on only when WeChat credentials are configured. It is attached to
 * the app's database connection at start (plugins/due-jobs.ts), so enqueuePushes(tx, …), called inside any
 * capability's transaction on that connection, finds it without every caller passing configuration along.
 */
export interface PushChannel {
  enabled: boolean
  templates: Templates
}

const channels = new WeakMap<object, PushChannel>()

export function attachPushChannel(db: Conn, channel: PushChannel) {
  channels.set(postgresPoolOf(db) ?? db, channel)
}

/**
 * The channel of the app a transaction belongs to: on SQLite transactions run on the connection itself, on
 * PostgreSQL each on a connection its app's pool lends it.
 */
export function pushChannelOf(tx: Conn): PushChannel | null {
  return channels.get(postgresPoolOf(tx) ?? tx) ?? null
}

import pg from 'pg'
import type { Conn } from '../../db/client'
import { postgresClientOf } from '../../db/dialect'
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
  channels.set(db, channel)
  // On PostgreSQL a transaction has a handle of its own, on a connection the pool lends it: each connection is
  // marked with the channel as it is lent.
  const pool = postgresClientOf(db)
  if (pool instanceof pg.Pool) pool.on('acquire', (client) => channels.set(client, channel))
}

/** The channel of the connection a transaction runs on (on SQLite, transactions run on the connection itself). */
export function pushChannelOf(tx: Conn): PushChannel | null {
  const client = postgresClientOf(tx)
  return channels.get(tx) ?? (client ? channels.get(client) : undefined) ?? null
}

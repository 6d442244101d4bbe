import type { Conn } from '../../db/client'
import type { Templates } from './templates'

/**
 * The WeChat subscription channel of one app: on only when WeChat credentials are configured. It is attached to
 * the app's database connection at start (plugins/push.ts), so enqueuePushes(tx, …), called inside any
 * capability's transaction on that connection, finds it without every caller passing configuration along.
 */
export interface PushChannel {
  enabled: boolean
  templates: Templates
}

const channels = new WeakMap<object, PushChannel>()

export function attachPushChannel(db: Conn, channel: PushChannel) {
  channels.set(db, channel)
}

/** The channel of the connection a transaction runs on (transactions run on the connection itself). */
export function pushChannelOf(tx: Conn): PushChannel | null {
  return channels.get(tx) ?? null
}

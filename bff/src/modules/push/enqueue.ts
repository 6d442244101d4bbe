import type { Conn } from '../../db/client'
import type { MessageKind } from '@veterans/shared'

/** A WeChat subscription message to queue for people, written in the caller's transaction. */
export interface PushInput {
  kind: MessageKind
  /** 'notice' or 'notification', and its id: one delivery per source and person. */
  sourceType: 'notice' | 'notification'
  sourceId: string
  userIds: string[]
  /** Template fields by meaning (title, time, place …) before WeChat's length rules. */
  fields: Record<string, string>
  /** The mini-program page the message opens. */
  page: string
  /** Urgent ones (a visit tomorrow) are not held back by quiet hours. */
  urgent?: boolean
  at: string
}

/**
 * Queues WeChat subscription messages for those of `userIds` who want this kind by WeChat and hold a subscription
 * credit for its template. Does nothing when the channel is off (no WeChat credentials).
 */
export function enqueuePushes(_tx: Conn, _input: PushInput): void {
  // Filled in by the push capability.
}

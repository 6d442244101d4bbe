// A storm of writes (bookings and messages, each with an Idempotency-Key) and what must hold of it afterwards:
// every acknowledged write is in the database as answered, and every request's work is there exactly once.
import type { CheckedDb } from './database'
import { randomUUID } from 'node:crypto'
import type { Answer } from './http'
import type { Veteran } from './population'

/** One request of the storm, kept to be checked and, if unanswered, sent again exactly as it was. */
export interface StormRequest {
  kind: 'booking' | 'message'
  path: string
  token: string
  body: Record<string, unknown>
  key: string
  /** What it must leave in the database: the booking's account and slot, or the message's thread and body. */
  userId: string
  target: string
  answer?: Answer
  /** Its answer after the restart (sent again because the first never came). */
  retried?: Answer
}

/** A booking of `slotId` by the veteran, with a key of its own (`prefix` names the test in it). */
export function bookingRequest(veteran: Veteran, slotId: string, prefix: string): StormRequest {
  return {
    kind: 'booking',
    path: '/api/v1/bookings',
    token: veteran.token,
    body: { slotId },
    key: `${prefix}-${randomUUID()}`,
    userId: veteran.userId,
    target: slotId
  }
}

/** A message of the veteran in their thread, its text made unique so that it can be found again. */
export function messageRequest(veteran: Veteran, threadId: string, prefix: string): StormRequest {
  return {
    kind: 'message',
    path: `/api/v1/threads/${threadId}/messages`,
    token: veteran.token,
    body: { body: `补充材料已上传，请查收。(${randomUUID()})` },
    key: `${prefix}-${randomUUID()}`,
    userId: veteran.userId,
    target: threadId
  }
}

/** The id in a write's answer. */
export const idOf = (answer: Answer | undefined) =>
  answer ? (JSON.parse(answer.body) as { id: string }).id : undefined

/** Each acknowledged request's database row, by the id in its answer: it must be there, exactly as answered. */
export async function missingAcknowledged(db: CheckedDb, requests: StormRequest[]) {
  const acknowledged = (kind: StormRequest['kind']) =>
    requests.filter((r) => r.kind === kind && r.answer?.status === 201)
  const bookings = acknowledged('booking')
  const messages = acknowledged('message')
  const bookingRows = await db.bookingsById(bookings.map((r) => idOf(r.answer)!))
  const messageRows = await db.messagesById(messages.map((r) => idOf(r.answer)!))
  return [
    ...bookings.filter((r) => {
      const row = bookingRows.get(idOf(r.answer)!)
      return !row || row.status !== 'booked' || row.slotId !== r.target || row.userId !== r.userId
    }),
    ...messages.filter((r) => {
      const row = messageRows.get(idOf(r.answer)!)
      return !row || row.threadId !== r.target || row.body !== r.body.body
    })
  ]
}

/** Requests whose work is not in the database exactly once, as the id of their final answer. */
export async function notExactlyOnce(db: CheckedDb, requests: StormRequest[]) {
  const found: StormRequest[] = []
  for (const r of requests) {
    const rows =
      r.kind === 'booking'
        ? await db.all<{ id: string }>(
            "SELECT id FROM bookings WHERE booked_by_user_id = ? AND slot_id = ? AND status <> 'cancelled'",
            r.userId,
            r.target
          )
        : await db.all<{ id: string }>(
            'SELECT id FROM thread_messages WHERE thread_id = ? AND body = ?',
            r.target,
            r.body.body
          )
    if (rows.length !== 1 || rows[0]!.id !== idOf(r.retried ?? r.answer)) found.push(r)
  }
  return found
}

// A storm of writes (bookings and messages, each with an Idempotency-Key) and what must hold of it afterwards:
// every acknowledged write is in the database as answered, and every request's work is there exactly once.
import { bookingsById, messagesById, type ReadOnlyDb } from './database'
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

/** Each request's database row, by the id in its answer: answered requests must have left exactly that. */
export function missingAcknowledged(db: ReadOnlyDb, requests: StormRequest[]) {
  const bookings = requests.filter((r) => r.kind === 'booking' && r.answer?.status === 201)
  const messages = requests.filter((r) => r.kind === 'message' && r.answer?.status === 201)
  const bookingRows = bookingsById(
    db,
    bookings.map((r) => idOf(r.answer)!)
  )
  const messageRows = messagesById(
    db,
    messages.map((r) => idOf(r.answer)!)
  )
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
export function notExactlyOnce(db: ReadOnlyDb, requests: StormRequest[]) {
  const bookings = db.prepare(
    "SELECT id FROM bookings WHERE booked_by_user_id = ? AND slot_id = ? AND status <> 'cancelled'"
  )
  const messages = db.prepare('SELECT id FROM thread_messages WHERE thread_id = ? AND body = ?')
  return requests.filter((r) => {
    const rows = (r.kind === 'booking' ? bookings.all(r.userId, r.target) : messages.all(r.target, r.body.body)) as {
      id: string
    }[]
    return rows.length !== 1 || rows[0]!.id !== idOf(r.retried ?? r.answer)
  })
}

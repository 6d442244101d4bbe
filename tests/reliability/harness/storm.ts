// A storm of writes (bookings and messages, each with an Idempotency-Key) and what must hold of it afterwards:
// every acknowledged write is in the database as answered, and every request's work is there exactly once.
import { bookingsById, messagesById, type ReadOnlyDb } from './database'
import type { Answer } from './http'

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

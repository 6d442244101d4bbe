// The storm's checks of reliability/harness/storm.ts (missingAcknowledged, notExactlyOnce), the same, on a CheckedDb:
// async, so that they run on PostgreSQL as well as SQLite.
import type { CheckedDb } from '../reliability/harness/database'
import { idOf, type StormRequest } from '../reliability/harness/storm'

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

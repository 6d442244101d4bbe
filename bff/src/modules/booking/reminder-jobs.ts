import { cancelJobIn, scheduleJobIn } from '../jobs/repo'
import { reminderDueAt } from './rules/reminder-time'
import type { Tx } from './transaction'

// A visit's reminder is a due job (`reminder:<bookingId>`), scheduled, moved and cancelled in the transaction of
// the booking change, so it exists exactly when the booking does.

export const REMINDER_JOB = 'reminder'
const keyOf = (bookingId: string) => `reminder:${bookingId}`

/** Schedules (or moves) the reminder of a booked visit; a visit too close for one has none. */
export async function scheduleReminder(t: Tx, booking: { id: string; startsAt: string }) {
  const dueAt = reminderDueAt(booking.startsAt, t.now)
  if (!dueAt) {
    await cancelJobIn(t.tx, keyOf(booking.id), t.now)
    return
  }
  await scheduleJobIn(
    t.tx,
    { kind: REMINDER_JOB, key: keyOf(booking.id), dueAt, payload: { bookingId: booking.id } },
    t.now
  )
}

export async function cancelReminder(t: Tx, bookingId: string) {
  await cancelJobIn(t.tx, keyOf(bookingId), t.now)
}

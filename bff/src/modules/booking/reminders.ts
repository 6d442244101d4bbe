import type { Conn } from '../../db/client'
import type { JobHandler } from '../jobs/runner'
import { notifyPeople } from './change-notifications'
import { slotDetailOf } from './slot-projection'
import { reminderReadsOf, statementsOf } from './statements'
import type { Tx } from './transaction'

export { REMINDER_JOB } from './reminder-jobs'

/**
 * The job: remind the veteran's account and whoever booked, if the booking is still booked and ahead (a
 * cancellation that raced the job, a check-in, a visit already begun: nothing is sent). Synchronous, with its own
 * synchronous reads, while the job runner (modules/jobs) runs its handlers so inside its transaction.
 */
export const remindVisit: JobHandler = (tx: Conn, job, now) => {
  const bookingId = String(job.payload.bookingId)
  // Transactions run on the connection itself (db/client.ts), whose prepared statements the steps use.
  const reads = reminderReadsOf(tx)
  const booking = reads.bookingRow(bookingId)
  if (!booking || booking.status !== 'booked' || booking.startsAt <= now) return
  const row = reads.slotDetail(booking.slotId)
  if (!row) return
  // The veteran's own account and whoever booked, each once, if active (change-notifications.ts peopleOf).
  const wanted = [reads.veteranAccount(booking.veteranId)?.id ?? null, booking.bookedByUserId]
  const people = [...new Set(wanted.filter((id): id is string => !!id))].filter((userId) => !!reads.activeUser(userId))
  const t: Tx = { tx, q: statementsOf(tx), now }
  notifyPeople.reminder(t, slotDetailOf(row), booking, people)
}

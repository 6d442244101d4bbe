import type { Conn } from '../../db/client'
import type { JobHandler } from '../jobs/runner'
import { bookingRowIn, slotDetailIn } from './booking-steps'
import { notifyPeople } from './change-notifications'
import { statementsOf } from './statements'
import type { Tx } from './transaction'

export { REMINDER_JOB } from './reminder-jobs'

/**
 * The job: remind the veteran's account and whoever booked, if the booking is still booked and ahead (a
 * cancellation that raced the job, a check-in, a visit already begun: nothing is sent).
 */
export const remindVisit: JobHandler = (tx: Conn, job, now) => {
  const bookingId = String(job.payload.bookingId)
  // Transactions run on the connection itself (db/client.ts), whose prepared statements the steps use.
  const t: Tx = { tx, q: statementsOf(tx), now }
  const booking = bookingRowIn(t, bookingId)
  if (!booking || booking.status !== 'booked' || booking.startsAt <= now) return
  const slot = slotDetailIn(t, booking.slotId)
  if (!slot) return
  notifyPeople.reminder(t, slot, booking)
}

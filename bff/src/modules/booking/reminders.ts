import type { Conn } from '../../db/client'
import type { JobHandler } from '../jobs/runner'
import { notifyPeople } from './change-notifications'
import { slotDetailIn } from './booking-steps'
import { statementsOf } from './statements'
import type { Tx } from './transaction'

export { REMINDER_JOB } from './reminder-jobs'

/**
 * The job: remind the veteran's account and whoever booked, if the booking is still booked and ahead (a
 * cancellation that raced the job, a check-in, a visit already begun: nothing is sent). Runs inside the job
 * runner's transaction (modules/jobs).
 */
export const remindVisit: JobHandler = async (tx: Conn, job, now) => {
  const t: Tx = { tx, q: statementsOf(tx), now }
  const booking = await t.q.bookingRow({ bookingId: String(job.payload.bookingId) })
  if (!booking || booking.status !== 'booked' || booking.startsAt <= now) return
  const slot = await slotDetailIn(t, booking.slotId)
  if (!slot) return
  await notifyPeople.reminder(t, slot, booking)
}

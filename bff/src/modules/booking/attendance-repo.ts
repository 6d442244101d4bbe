import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rowsChanged } from '../../db/query'
import { bookings } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'
import type { BookingViewRow } from './booking-projection'
import { bookingViewIn, lockedBookingRow } from './booking-steps'
import { notifyPeople } from './change-notifications'
import { done, refuse, type Outcome, type Refusal } from './outcome'
import { expectOne, inTx } from './transaction'

export type StaffAction = 'check_in' | 'complete' | 'no_show'

/** Moves a booking along at the desk (check-in, complete, no-show) with its audit entry, in one transaction. */
export async function recordAttendance(
  db: Db,
  input: {
    bookingId: string
    action: StaffAction
    audit: AuditEntryInput
    allowed: (row: typeof bookings.$inferSelect, now: string) => Refusal | null
  }
): Promise<Outcome<BookingViewRow>> {
  return inTx(db, async (t): Promise<Outcome<BookingViewRow>> => {
    const { now } = t
    const booking = await lockedBookingRow(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    const refusal = input.allowed(booking, now)
    if (refusal) return refusal
    const next =
      input.action === 'check_in'
        ? { status: 'checked_in' as const, checkedInAt: now }
        : input.action === 'complete'
          ? { status: 'completed' as const, active: false, completedAt: now, checkedInAt: booking.checkedInAt ?? now }
          : { status: 'no_show' as const, active: false }
    expectOne(
      rowsChanged(
        await t.tx
          .update(bookings)
          .set({ ...next, updatedAt: now })
          .where(and(eq(bookings.id, booking.id), eq(bookings.status, booking.status)))
      ),
      `record ${input.action}`
    )
    await insertAudit(t.tx, input.audit, now)
    const view = (await bookingViewIn(t, booking.id))!
    if (input.action === 'complete') await notifyPeople.completed(t, booking)
    return done(view)
  })
}

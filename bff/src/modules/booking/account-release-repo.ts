import { and, eq, gt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rowsChanged } from '../../db/query'
import { bookings, waitlistEntries } from '../../db/schema/index'
import { cancelBookedIn, freePlace, lockedBookingRow } from './booking-steps'
import { notifyPeople } from './change-notifications'
import { expectOne, inTx } from './transaction'
import { promoteWaiting } from './waitlist-promotion'

/**
 * When an account closes: its upcoming booked places are cancelled (freed for the waitlist, the veteran told
 * when someone else booked for them) and its waiting entries end. Runs in one transaction.
 */
export async function releaseAccount(db: Db, userId: string, newCode: () => string) {
  return inTx(db, async (t) => {
    const { now } = t
    // Its waiting ends first, so the places freed below do not go to it.
    const left = rowsChanged(
      await t.tx
        .update(waitlistEntries)
        .set({ status: 'cancelled', reason: 'account_closed', updatedAt: now })
        .where(and(eq(waitlistEntries.userId, userId), eq(waitlistEntries.status, 'waiting')))
    )
    const upcoming = await t.tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.bookedByUserId, userId), eq(bookings.status, 'booked'), gt(bookings.startsAt, now)))
    let cancelled = 0
    for (const { id } of upcoming) {
      // Locked first (PostgreSQL): changed meanwhile (checked in, cancelled), it is no longer this account's to free.
      const booking = await lockedBookingRow(t, id)
      if (booking?.status !== 'booked') continue
      expectOne(await cancelBookedIn(t, booking.id, { reason: '预约人已注销账号', by: userId }), 'cancel a booking')
      cancelled++
      await freePlace(t, booking.slotId)
      await promoteWaiting(t, booking.slotId, newCode)
      await notifyPeople.accountClosed(t, booking)
    }
    return { cancelledBookings: cancelled, leftWaitlist: left }
  })
}

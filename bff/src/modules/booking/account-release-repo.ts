import { and, eq, gt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rowsChanged } from '../../db/query'
import { bookings, waitlistEntries } from '../../db/schema/index'
import { freePlace } from './booking-steps'
import { notifyPeople } from './change-notifications'
import { inTx } from './transaction'
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
    for (const booking of upcoming) {
      await t.tx
        .update(bookings)
        .set({
          status: 'cancelled',
          active: false,
          cancelReason: '预约人已注销账号',
          cancelledBy: userId,
          cancelledAt: now,
          updatedAt: now
        })
        .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'booked')))
      await freePlace(t, booking.slotId)
      await promoteWaiting(t, booking.slotId, newCode)
      await notifyPeople.accountClosed(t, booking)
    }
    return { cancelledBookings: upcoming.length, leftWaitlist: left }
  })
}

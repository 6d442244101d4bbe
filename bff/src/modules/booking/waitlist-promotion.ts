import { and, asc, eq } from 'drizzle-orm'
import { rowsChanged } from '../../db/query'
import { waitlistEntries } from '../../db/schema/index'
import {
  activeBookingIn,
  insertBookingIn,
  overlappingBookingIn,
  slotDetailIn,
  standingOf,
  takePlace
} from './booking-steps'
import { notifyPeople } from './change-notifications'
import { mayActFor } from './rules/acting'
import { hasPlaceNow } from './rules/slot-times'
import type { SlotDetailRow } from './slot-projection'
import { expectOne, type Tx } from './transaction'

/**
 * Why a waiting entry cannot become a booking now: the veteran already holds the service or whoever joined may no
 * longer act for him ('ineligible'), or he holds a booking at an overlapping time ('time_conflict'); null if it can.
 */
async function passedOver(
  t: Tx,
  entry: { veteranId: string; userId: string },
  slot: SlotDetailRow
): Promise<'ineligible' | 'time_conflict' | null> {
  if (
    (await activeBookingIn(t, entry.veteranId, slot.serviceId)) ||
    !(await mayActFor(standingOf(t, entry.userId, entry.veteranId)))
  )
    return 'ineligible'
  return (await overlappingBookingIn(t, entry.veteranId, slot)) ? 'time_conflict' : null
}

/**
 * Fills free places of a slot from its waitlist, earliest entry first, inside the transaction that freed them;
 * an entry that cannot become a booking (see passedOver) is skipped, its owner told, and the next one tried.
 * Each entry leaves `waiting` exactly once (conditional UPDATE), so concurrent frees never promote one twice.
 */
export async function promoteWaiting(t: Tx, slotId: string, newCode: () => string) {
  const { now } = t
  for (;;) {
    const slot = await slotDetailIn(t, slotId)
    if (!slot || !hasPlaceNow(slot, now)) return
    const [entry] = await t.tx
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.slotId, slotId), eq(waitlistEntries.status, 'waiting')))
      .orderBy(asc(waitlistEntries.seq))
      .limit(1)
    if (!entry) return
    const why = await passedOver(t, entry, slot)
    if (why) {
      expectOne(
        rowsChanged(
          await t.tx
            .update(waitlistEntries)
            .set({ status: 'skipped', reason: why === 'time_conflict' ? why : null, updatedAt: now })
            .where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, 'waiting')))
        ),
        'skip a waitlist entry'
      )
      await notifyPeople.waitlistSkipped(t, slot, entry, why)
      continue
    }
    expectOne((await takePlace(t, slotId)) ? 1 : 0, 'take a place for a waitlist entry')
    // Leave `waiting` before inserting: inserting ends the veteran's waiting for this service.
    expectOne(
      rowsChanged(
        await t.tx
          .update(waitlistEntries)
          .set({ status: 'promoted', updatedAt: now })
          .where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, 'waiting')))
      ),
      'promote a waitlist entry'
    )
    const bookingId = await insertBookingIn(t, {
      slot,
      veteranId: entry.veteranId,
      bookedByUserId: entry.userId,
      note: null,
      checkInCode: newCode()
    })
    await t.tx.update(waitlistEntries).set({ bookingId }).where(eq(waitlistEntries.id, entry.id))
    await notifyPeople.promoted(t, slot, { veteranId: entry.veteranId, bookedByUserId: entry.userId }, bookingId)
  }
}

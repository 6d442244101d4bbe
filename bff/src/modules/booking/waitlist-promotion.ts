import { and, asc, eq } from 'drizzle-orm'
import { rowsChanged } from '../../db/query'
import { waitlistEntries } from '../../db/schema/index'
import {
  activeBookingIn,
  insertBookingIn,
  lockFor,
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

/** Moves a waiting entry on; false if it was no longer waiting. */
async function leaveQueue(
  t: Tx,
  entryId: string,
  next: { status: 'promoted' } | { status: 'skipped'; reason: 'time_conflict' | null }
) {
  const changed = rowsChanged(
    await t.tx
      .update(waitlistEntries)
      .set({ ...next, updatedAt: t.now })
      .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.status, 'waiting')))
  )
  return changed === 1
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
    // The slot is locked by whoever freed the place; the veteran is locked here, before deciding for him. An entry
    // that left the queue meanwhile (its account closed) is passed by.
    await lockFor(t, { veterans: [entry.veteranId] })
    const why = await passedOver(t, entry, slot)
    const left = await leaveQueue(
      t,
      entry.id,
      why ? { status: 'skipped', reason: why === 'time_conflict' ? why : null } : { status: 'promoted' }
    )
    if (!left) continue
    if (why) {
      await notifyPeople.waitlistSkipped(t, slot, entry, why)
      continue
    }
    // Left `waiting` before inserting: inserting ends the veteran's waiting for this service.
    expectOne((await takePlace(t, slotId)) ? 1 : 0, 'take a place for a waitlist entry')
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

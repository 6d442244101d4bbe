import { and, eq, gt, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rowsChanged } from '../../db/query'
import { bookings, slots, waitlistEntries } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'
import { cancelBookedIn, freePlace, lockFor, slotDetailIn } from './booking-steps'
import { notifyPeople } from './change-notifications'
import { done, refuse, type Outcome } from './outcome'
import { hasEnded, hasStarted } from './rules/slot-times'
import { cachedSlotRows } from './slot-cache'
import { slotDetailOf, type SlotDetailRow, type SlotRow } from './slot-projection'
import { slotsMatching, statementsOf } from './statements'
import { expectOne, inTx, type Tx } from './transaction'
import { promoteWaiting } from './waitlist-promotion'

// Slots: the lists people choose from, the staff schedule, and the staff's changes to a slot.

export interface SlotFilter {
  /** A center, a service or both. */
  centerId?: string
  serviceId?: string
  /** Slots starting at or after this instant … */
  fromIso: string
  /** … and before this one. */
  toIso: string
}

export async function listSlots(db: Db, filter: SlotFilter): Promise<SlotRow[]> {
  const query = `${filter.centerId ?? ''}|${filter.serviceId ?? ''}|${filter.fromIso}|${filter.toIso}`
  return cachedSlotRows(db, query, () => slotsMatching(statementsOf(db).slots, filter))
}

/** The staff schedule: the same slots with their center, service and why a closed one was closed. */
export async function listStaffSlots(db: Db, filter: SlotFilter): Promise<SlotDetailRow[]> {
  return (await slotsMatching(statementsOf(db).slotDetails, filter)).map(slotDetailOf)
}

/** A slot with the names of its center and service. */
export async function findSlotDetail(db: Db, slotId: string) {
  return (await slotDetailIn({ q: statementsOf(db) }, slotId)) ?? null
}

export type NewSlotRow = typeof slots.$inferInsert

/** Inserts one slot and its audit entry; null when the center already has this service at that time. */
export async function insertSlot(db: Db, row: NewSlotRow, audit: AuditEntryInput) {
  return inTx(db, async (t) => {
    const inserted = rowsChanged(await t.tx.insert(slots).values(row).onConflictDoNothing())
    if (inserted === 0) return null
    await insertAudit(t.tx, { ...audit, entityId: row.id }, row.createdAt)
    return (await slotDetailIn(t, row.id))!
  })
}

/** Inserts slots, skipping those that exist; answers how many were created. */
export async function insertSlots(db: Db, rows: NewSlotRow[], audit: AuditEntryInput) {
  return inTx(db, async (t) => {
    let created = 0
    for (let i = 0; i < rows.length; i += 500) {
      created += rowsChanged(
        await t.tx
          .insert(slots)
          .values(rows.slice(i, i + 500))
          .onConflictDoNothing()
      )
    }
    await insertAudit(t.tx, { ...audit, detail: { ...audit.detail, created } }, t.now)
    return created
  })
}

export interface SlotChange {
  slotId: string
  capacity?: number
  status?: 'open' | 'closed'
  reason: string | null
  audit: AuditEntryInput
  newCode: () => string
}

/**
 * Changes a slot's capacity or status in one transaction. Raising capacity fills the new places from the
 * waitlist; closing cancels the booked places and the waitlist, telling each person the reason.
 */
export async function changeSlot(db: Db, change: SlotChange): Promise<Outcome<SlotDetailRow>> {
  return inTx(db, async (t): Promise<Outcome<SlotDetailRow>> => {
    const { now } = t
    await lockFor(t, { slots: [change.slotId] })
    const slot = await slotDetailIn(t, change.slotId)
    if (!slot) return refuse('NOT_FOUND')
    if (hasEnded(slot.endsAt, now)) return refuse('INVALID_STATE', {}, '已结束的时段不能修改')
    if (change.capacity !== undefined && change.capacity < slot.booked) {
      return refuse(
        'CAPACITY_BELOW_BOOKED',
        { booked: slot.booked },
        `已有 ${slot.booked} 人预约，容量不能少于 ${slot.booked}`
      )
    }
    if (change.status === 'open' && slot.status === 'closed' && hasStarted(slot.startsAt, now)) {
      return refuse('INVALID_STATE', {}, '已开始的时段不能重新开放')
    }
    let cancelled = 0
    if (change.capacity !== undefined) {
      expectOne(
        rowsChanged(
          await t.tx
            .update(slots)
            .set({ capacity: change.capacity, updatedAt: now })
            .where(and(eq(slots.id, slot.id), lte(slots.booked, change.capacity)))
        ),
        'change capacity'
      )
    }
    if (change.status === 'closed' && slot.status === 'open')
      cancelled = await closeSlotIn(t, slot, change.reason ?? '', change.audit.actorId)
    if (change.status === 'open' && slot.status === 'closed') {
      await t.tx.update(slots).set({ status: 'open', closedReason: null, updatedAt: now }).where(eq(slots.id, slot.id))
    }
    await promoteWaiting(t, slot.id, change.newCode)
    await insertAudit(t.tx, { ...change.audit, detail: { ...change.audit.detail, cancelledBookings: cancelled } }, now)
    return done((await slotDetailIn(t, slot.id))!)
  })
}

/** Closes a slot: its booked places are cancelled with the reason and its waitlist ends; each person is told. */
async function closeSlotIn(t: Tx, slot: SlotDetailRow, reason: string, actorId: string | null) {
  const { now } = t
  await t.tx.update(slots).set({ status: 'closed', closedReason: reason, updatedAt: now }).where(eq(slots.id, slot.id))
  const booked = await t.tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.slotId, slot.id), eq(bookings.status, 'booked')))
  for (const booking of booked) {
    expectOne(await cancelBookedIn(t, booking.id, { reason, by: actorId }), 'cancel a booking of a closed slot')
    await freePlace(t, slot.id)
    await notifyPeople.slotClosed(t, slot, booking, reason)
  }
  const waiting = await t.tx
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.slotId, slot.id), eq(waitlistEntries.status, 'waiting')))
  for (const entry of waiting) {
    await t.tx
      .update(waitlistEntries)
      .set({ status: 'cancelled', reason: 'slot_closed', updatedAt: now })
      .where(eq(waitlistEntries.id, entry.id))
    await notifyPeople.waitlistClosed(t, slot, entry, reason)
  }
  return booked.length
}

/** The invariant (tests and the benchmark): booked equals the places held by bookings that are not cancelled. */
export async function findSlotsOutOfStep(db: Db) {
  const held = sql<number>`(SELECT count(*) FROM ${bookings} WHERE ${bookings.slotId} = ${slots.id} AND ${bookings.status} <> 'cancelled')`
  return await db
    .select({ id: slots.id, capacity: slots.capacity, booked: slots.booked, held })
    .from(slots)
    .where(or(sql`${slots.booked} <> ${held}`, gt(slots.booked, slots.capacity)))
}

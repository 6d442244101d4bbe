import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { takesRowLocks } from '../../db/row-locks'
import { centers, services, slots, veterans, waitlistEntries } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import { activeBookingIn, lockFor, openSlotFor } from './booking-steps'
import { done, refuse, type Outcome } from './outcome'
import { inTx } from './transaction'

// The waitlist (候补) of full slots: joining, reading, leaving. Promotion is in waitlist-promotion.ts.

export interface JoinWaitlistInput {
  slotId: string
  veteranId: string
  userId: string
  viaLink: boolean
}

/** Joins a full slot's waitlist at the end of the queue (seq = max + 1, decided inside the transaction). */
export async function joinWaitlist(db: Db, input: JoinWaitlistInput): Promise<Outcome<{ id: string }>> {
  return inTx(db, async (t): Promise<Outcome<{ id: string }>> => {
    const { now } = t
    await lockFor(t, { actingUsers: [input.userId], veterans: [input.veteranId], slots: [input.slotId] })
    const asked = await openSlotFor(t, input)
    if (!asked.ok) return asked
    const slot = asked.value
    if (slot.remaining > 0) return refuse('SLOT_NOT_FULL', { remaining: slot.remaining })
    const active = await activeBookingIn(t, input.veteranId, slot.serviceId)
    if (active) return refuse('ALREADY_BOOKED', { bookingId: active.id })
    const [existing] = await t.tx
      .select({ id: waitlistEntries.id })
      .from(waitlistEntries)
      .where(
        and(
          eq(waitlistEntries.slotId, slot.id),
          eq(waitlistEntries.veteranId, input.veteranId),
          eq(waitlistEntries.status, 'waiting')
        )
      )
      .limit(1)
    if (existing) return refuse('WAITLIST_EXISTS', { waitlistId: existing.id })
    const [last] = await t.tx
      .select({ seq: sql<number>`coalesce(max(${waitlistEntries.seq}), 0)` })
      .from(waitlistEntries)
      .where(eq(waitlistEntries.slotId, slot.id))
    const id = newId()
    await t.tx.insert(waitlistEntries).values({
      id,
      slotId: slot.id,
      serviceId: slot.serviceId,
      veteranId: input.veteranId,
      userId: input.userId,
      seq: (last?.seq ?? 0) + 1,
      status: 'waiting',
      createdAt: now,
      updatedAt: now
    })
    return done({ id })
  })
}

const waitlistView = {
  id: waitlistEntries.id,
  slotId: waitlistEntries.slotId,
  veteranId: waitlistEntries.veteranId,
  veteranName: veterans.name,
  userId: waitlistEntries.userId,
  status: waitlistEntries.status,
  bookingId: waitlistEntries.bookingId,
  reason: waitlistEntries.reason,
  createdAt: waitlistEntries.createdAt,
  centerId: slots.centerId,
  centerName: centers.name,
  serviceId: slots.serviceId,
  serviceName: services.name,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
  // 1 + the entries of the slot still waiting ahead of this one.
  position: sql<number>`CASE WHEN ${waitlistEntries.status} = 'waiting' THEN (SELECT count(*) FROM ${waitlistEntries} AS ahead WHERE ahead.slot_id = ${waitlistEntries.slotId} AND ahead.status = 'waiting' AND ahead.seq <= ${waitlistEntries.seq}) ELSE 0 END`
}

function selectWaitlistViews(conn: Conn) {
  return conn
    .select(waitlistView)
    .from(waitlistEntries)
    .innerJoin(slots, eq(slots.id, waitlistEntries.slotId))
    .innerJoin(centers, eq(centers.id, slots.centerId))
    .innerJoin(services, eq(services.id, slots.serviceId))
    .innerJoin(veterans, eq(veterans.id, waitlistEntries.veteranId))
}
export type WaitlistViewRow = NonNullable<Awaited<ReturnType<typeof findWaitlistView>>>

export async function findWaitlistView(db: Db, id: string) {
  const [view] = await selectWaitlistViews(db).where(eq(waitlistEntries.id, id)).limit(1)
  return view ?? null
}

/** Entries joined by the person or for their veterans, of slots not yet started, soonest first. */
export async function listMyWaitlist(db: Db, f: { userId: string; veteranIds: string[]; now: string }) {
  const mine = f.veteranIds.length
    ? or(eq(waitlistEntries.userId, f.userId), inArray(waitlistEntries.veteranId, f.veteranIds))
    : eq(waitlistEntries.userId, f.userId)
  return await selectWaitlistViews(db)
    .where(and(mine, gt(slots.startsAt, f.now)))
    .orderBy(asc(slots.startsAt), asc(waitlistEntries.seq))
}

export async function listWaitlistForExport(db: Db, userId: string) {
  return await selectWaitlistViews(db).where(eq(waitlistEntries.userId, userId)).orderBy(asc(waitlistEntries.createdAt))
}

/**
 * Leaves the queue; the status (and the booking of a promoted entry) tells a caller what the entry had become if it
 * was no longer waiting.
 */
export async function leaveWaitlist(db: Db, id: string) {
  return inTx(db, async (t) => {
    const { now } = t
    const entryOf = async () =>
      (
        await t.tx
          .select({
            status: waitlistEntries.status,
            slotId: waitlistEntries.slotId,
            bookingId: waitlistEntries.bookingId
          })
          .from(waitlistEntries)
          .where(eq(waitlistEntries.id, id))
          .limit(1)
      )[0]
    let entry = await entryOf()
    if (!entry) return null
    // Promotion holds the slot's lock (PostgreSQL): after taking it, the entry's status is the last word.
    if (takesRowLocks(t.tx)) {
      await lockFor(t, { slots: [entry.slotId] })
      entry = (await entryOf())!
    }
    if (entry.status === 'waiting') {
      await t.tx
        .update(waitlistEntries)
        .set({ status: 'cancelled', reason: 'left', updatedAt: now })
        .where(and(eq(waitlistEntries.id, id), eq(waitlistEntries.status, 'waiting')))
    }
    return { status: entry.status, bookingId: entry.bookingId }
  })
}

import { and, eq } from 'drizzle-orm'
import { rowsChanged } from '../../db/query'
import { lockRows, takesRowLocks, type RowLocks } from '../../db/row-locks'
import { bookings } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import { done, refuse, type Outcome, type Refusal } from './outcome'
import { actingRefusal, type Standing } from './rules/acting'
import { hasEnded, isOpenAhead } from './rules/slot-times'
import { timeConflictRefusal } from './rules/time-conflict'
import { slotDetailOf, type SlotDetailRow } from './slot-projection'
import { expectOne, type Tx } from './transaction'

// The steps the booking transactions are made of, each run inside one (see transaction.ts) on its prepared
// statements.

export async function slotDetailIn(t: Pick<Tx, 'q'>, slotId: string): Promise<SlotDetailRow | undefined> {
  const row = await t.q.slotDetail({ slotId })
  return row && slotDetailOf(row)
}

export function bookingViewIn(t: Tx, bookingId: string) {
  return t.q.bookingView({ bookingId })
}

export function bookingRowIn(t: Tx, bookingId: string) {
  return t.q.bookingRow({ bookingId })
}

/** Takes this transaction's turn on the veterans and slots it decides about (PostgreSQL; see transaction.ts). */
export function lockFor(t: Tx, locks: RowLocks) {
  return lockRows(t.tx, locks)
}

/**
 * A booking to change, read after locking its veteran and slot (and `alsoSlots`, a slot it moves to), so that no
 * other change of it, its slot or its veteran runs until this transaction ends.
 */
export async function lockedBookingRow(t: Tx, bookingId: string, alsoSlots: string[] = []) {
  for (;;) {
    const seen = await bookingRowIn(t, bookingId)
    if (!seen || !takesRowLocks(t.tx)) return seen
    await lockFor(t, { veterans: [seen.veteranId], slots: [seen.slotId, ...alsoSlots] })
    const locked = await bookingRowIn(t, bookingId)
    // Moved to another slot meanwhile: lock that one too.
    if (locked?.slotId === seen.slotId) return locked
  }
}

/** What the database says about an account and a veteran, asked only when a rule needs it. */
export function standingOf(t: Tx, userId: string, veteranId: string): Standing {
  return {
    isOwnAccount: async () => !!(await t.q.ownAccount({ userId, veteranId })),
    isLinked: async () => !!(await t.q.isLinked({ userId, veteranId }))
  }
}

/** The slot a booking or a 候补 asks for, if this account may act for the veteran and the slot is open and ahead. */
export async function openSlotFor(
  t: Tx,
  input: { slotId: string; userId: string; veteranId: string; viaLink: boolean }
): Promise<Outcome<SlotDetailRow>> {
  const refused = await actingRefusal(input.viaLink, standingOf(t, input.userId, input.veteranId))
  if (refused) return refused
  const slot = await slotDetailIn(t, input.slotId)
  if (!slot) return refuse('NOT_FOUND')
  if (!isOpenAhead(slot, t.now)) return refuse('SLOT_NOT_BOOKABLE')
  return done(slot)
}

/**
 * The veteran's active booking of the service, if any. A booking whose slot has ended no longer counts: its
 * marker is cleared here, which lets the veteran book the service again.
 */
export async function activeBookingIn(t: Tx, veteranId: string, serviceId: string) {
  const active = await t.q.activeBooking({ veteranId, serviceId })
  if (active && hasEnded(active.endsAt, t.now)) {
    await t.q.endActive({ id: active.id })
    return undefined
  }
  return active
}

/**
 * The veteran's earliest active booking (any service, any center) whose time overlaps the slot's, other than
 * `movingId`, the booking being moved.
 */
export function overlappingBookingIn(
  t: Tx,
  veteranId: string,
  slot: { startsAt: string; endsAt: string },
  movingId: string | null = null
) {
  return t.q.overlappingBooking({ veteranId, startsAt: slot.startsAt, endsAt: slot.endsAt, exceptId: movingId ?? '' })
}

/** TIME_CONFLICT when the veteran already holds a booking at an overlapping time, said for whoever acts. */
export async function timeConflictIn(
  t: Tx,
  input: { veteranId: string; userId: string; slot: { startsAt: string; endsAt: string }; movingId?: string }
): Promise<Refusal | null> {
  const other = await overlappingBookingIn(t, input.veteranId, input.slot, input.movingId)
  if (!other) return null
  // What a person may open (service.ts): what they booked, and every booking of their own veteran record.
  const canSee =
    other.bookedByUserId === input.userId || (await standingOf(t, input.userId, input.veteranId).isOwnAccount())
  return timeConflictRefusal(other, canSee)
}

/** Cancels a booked place (not yet its slot's count: see freePlace); 1 if it was still booked, else 0. */
export async function cancelBookedIn(t: Tx, bookingId: string, why: { reason: string | null; by: string | null }) {
  return rowsChanged(
    await t.tx
      .update(bookings)
      .set({
        status: 'cancelled',
        active: false,
        cancelReason: why.reason,
        cancelledBy: why.by,
        cancelledAt: t.now,
        updatedAt: t.now
      })
      .where(and(eq(bookings.id, bookingId), eq(bookings.status, 'booked')))
  )
}

/** Takes a place if the slot is open, not started and not full: the one statement that guards capacity. */
export async function takePlace(t: Tx, slotId: string) {
  return (await t.q.takePlace({ slotId, now: t.now })) === 1
}

export async function freePlace(t: Tx, slotId: string) {
  expectOne(await t.q.freePlace({ slotId, now: t.now }), 'free a place')
}

/** Booking a service ends the veteran's other waiting for it: they have their place. */
export async function endWaitingFor(t: Tx, veteranId: string, serviceId: string) {
  await t.q.endWaitingFor({ veteranId, serviceId, now: t.now })
}

interface NewBooking {
  slot: SlotDetailRow
  veteranId: string
  bookedByUserId: string
  note: string | null
  checkInCode: string
}

/** Inserts a booking whose place was just taken. The partial unique index refuses a second active one. */
export async function insertBookingIn(t: Tx, b: NewBooking) {
  const id = newId()
  await t.q.insertBooking({
    id,
    slotId: b.slot.id,
    centerId: b.slot.centerId,
    serviceId: b.slot.serviceId,
    veteranId: b.veteranId,
    bookedByUserId: b.bookedByUserId,
    note: b.note,
    checkInCode: b.checkInCode,
    startsAt: b.slot.startsAt,
    endsAt: b.slot.endsAt,
    active: 1,
    now: t.now
  })
  await endWaitingFor(t, b.veteranId, b.slot.serviceId)
  return id
}

import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isUniqueViolation } from '../../db/errors'
import { rowsChanged } from '../../db/query'
import { bookingRatings, bookings } from '../../db/schema/index'
import {
  idempotencyKeyUsedIn,
  idempotencyLockOf,
  recordIdempotentResponseIn,
  type IdempotentRequest
} from '../platform/idempotency-repo'
import type { BookingViewRow } from './booking-projection'
import {
  activeBookingIn,
  bookingRowIn,
  bookingViewIn,
  cancelBookedIn,
  endWaitingFor,
  freePlace,
  insertBookingIn,
  lockedBookingRow,
  lockFor,
  openSlotFor,
  slotDetailIn,
  takePlace,
  timeConflictIn
} from './booking-steps'
import { notifyPeople } from './change-notifications'
import { done, refuse, type Outcome } from './outcome'
import { cutoffRefusal } from './rules/cutoff'
import { isOpenAhead } from './rules/slot-times'
import { expectOne, inTx, type Tx } from './transaction'
import { promoteWaiting } from './waitlist-promotion'

// What people do with their bookings: book, cancel, move, rate. Each in one immediate transaction.

export interface BookInput {
  slotId: string
  veteranId: string
  userId: string
  /** The account books for a veteran it is linked to as family (checked inside the transaction). */
  viaLink: boolean
  bookerName: string
  note: string | null
  checkInCode: string
  /** With an Idempotency-Key: claimed in the booking transaction, which records the answer too. */
  idempotency?: {
    request: IdempotentRequest
    respond(outcome: Outcome<BookingViewRow>): { status: number; body: unknown }
  } | null
}

/**
 * Books a place: the Idempotency-Key, eligibility, slot state, the one-active-booking rule, the no-overlap rule
 * and capacity are all decided inside one immediate transaction, which also records the answer for retries. A refusal writes nothing
 * else but the clearing of ended bookings' markers.
 */
export async function bookSlot(db: Db, input: BookInput): Promise<Outcome<BookingViewRow> | 'replay'> {
  const { idempotency } = input
  try {
    return await inTx(db, async (t) => {
      await lockFor(t, {
        keys: idempotencyLockOf(idempotency?.request),
        actingUsers: [input.userId],
        veterans: [input.veteranId]
      })
      if (idempotency && (await idempotencyKeyUsedIn(t.tx, idempotency.request.scope))) return 'replay'
      const outcome = await decideBooking(t, input)
      if (idempotency) {
        const { status, body } = idempotency.respond(outcome)
        await recordIdempotentResponseIn(t.tx, idempotency.request, status, body, t.now)
      }
      return outcome
    })
  } catch (error) {
    // The partial unique index is the last line of defence for the one-active-booking rule.
    if (isUniqueViolation(error)) return refuse('ALREADY_BOOKED')
    throw error
  }
}

async function decideBooking(t: Tx, input: BookInput): Promise<Outcome<BookingViewRow>> {
  const { now } = t
  const asked = await openSlotFor(t, input)
  if (!asked.ok) return asked
  const slot = asked.value
  const existing = await activeBookingIn(t, input.veteranId, slot.serviceId)
  if (existing) return refuse('ALREADY_BOOKED', { bookingId: existing.id })
  const conflict = await timeConflictIn(t, { veteranId: input.veteranId, userId: input.userId, slot })
  if (conflict) return conflict
  const veteranName = (await t.q.veteranName({ veteranId: input.veteranId }))!.name
  // The slot's row is locked from here to the commit (PostgreSQL): bookings of one slot take turns only for the rest.
  if (!(await takePlace(t, slot.id))) return refuse('SLOT_FULL', { waiting: slot.waiting })
  const bookingId = await insertBookingIn(t, {
    slot,
    veteranId: input.veteranId,
    bookedByUserId: input.userId,
    note: input.note,
    checkInCode: input.checkInCode
  })
  await notifyPeople.booked(
    t,
    slot,
    { id: bookingId, veteranId: input.veteranId, bookedByUserId: input.userId, checkInCode: input.checkInCode },
    input.bookerName
  )
  // The new booking as it would read back, built from what this transaction holds (one query fewer).
  return done({
    id: bookingId,
    slotId: slot.id,
    centerId: slot.centerId,
    centerName: slot.centerName,
    centerAddress: slot.centerAddress,
    centerPhone: slot.centerPhone,
    serviceId: slot.serviceId,
    serviceName: slot.serviceName,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'booked',
    veteranId: input.veteranId,
    veteranName,
    bookedByUserId: input.userId,
    note: input.note,
    checkInCode: input.checkInCode,
    cancelReason: null,
    cancelledByRole: null,
    createdAt: now,
    updatedAt: now,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null
  })
}

/** Who changes a booking, and when: the other people of the booking are told who did it. */
export interface Acting {
  actorId: string
  actorName: string
  /** Online changes are refused from this many minutes before the start on. */
  cutoffMinutes: number
  /** Check-in codes for bookings made from the waitlist in the same transaction. */
  newCode: () => string
}

export interface CancelInput extends Acting {
  bookingId: string
  reason: string | null
}

/** Cancels a booked place, frees it at once and hands it to the earliest waiting entry, in one transaction. */
export async function cancelBooking(db: Db, input: CancelInput): Promise<Outcome<BookingViewRow>> {
  return inTx(db, async (t): Promise<Outcome<BookingViewRow>> => {
    const { now } = t
    const booking = await lockedBookingRow(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    if (booking.status === 'cancelled') return done((await bookingViewIn(t, booking.id))!)
    const slot = (await slotDetailIn(t, booking.slotId))!
    if (booking.status !== 'booked')
      return refuse('INVALID_STATE', { status: booking.status }, '已签到或已结束的预约不能取消')
    const tooLate = cutoffRefusal(slot, booking.startsAt, input.cutoffMinutes, now, '取消')
    if (tooLate) return tooLate
    expectOne(await cancelBookedIn(t, booking.id, { reason: input.reason, by: input.actorId }), 'cancel a booking')
    await freePlace(t, booking.slotId)
    await promoteWaiting(t, booking.slotId, input.newCode)
    await notifyPeople.cancelled(t, slot, booking, input)
    return done((await bookingViewIn(t, booking.id))!)
  })
}

export interface RescheduleInput extends Acting {
  bookingId: string
  slotId: string
}

/**
 * Moves a booked place to another slot of the same service, at the same center or another one offering it. Every
 * check runs before the first write, and the writes (the move, the freed place going to the old slot's waitlist,
 * the notifications and the moved reminder) share one transaction: on any refusal or error the old booking is
 * untouched.
 */
export async function rescheduleBooking(db: Db, input: RescheduleInput): Promise<Outcome<BookingViewRow>> {
  return inTx(db, async (t): Promise<Outcome<BookingViewRow>> => {
    const { now } = t
    const booking = await lockedBookingRow(t, input.bookingId, [input.slotId])
    if (!booking) return refuse('NOT_FOUND')
    // A retry after a dropped connection finds the booking already moved.
    if (booking.slotId === input.slotId && booking.status === 'booked')
      return done((await bookingViewIn(t, booking.id))!)
    if (booking.status !== 'booked')
      return refuse('INVALID_STATE', { status: booking.status }, '只有待签到的预约可以改期')
    const oldSlot = (await slotDetailIn(t, booking.slotId))!
    const tooLate = cutoffRefusal(oldSlot, booking.startsAt, input.cutoffMinutes, now, '改期')
    if (tooLate) return tooLate
    const slot = await slotDetailIn(t, input.slotId)
    if (!slot) return refuse('NOT_FOUND', {}, '要改到的时段不存在，请重新选择')
    if (slot.serviceId !== booking.serviceId) {
      return refuse('VALIDATION_FAILED', { fields: [{ path: 'body.slotId', message: '只能改到同一服务的其他时段' }] })
    }
    if (!isOpenAhead(slot, now)) return refuse('SLOT_NOT_BOOKABLE')
    // The booking being moved does not conflict with itself.
    const conflict = await timeConflictIn(t, {
      veteranId: booking.veteranId,
      userId: input.actorId,
      slot,
      movingId: booking.id
    })
    if (conflict) return conflict
    if (!(await takePlace(t, slot.id))) return refuse('SLOT_FULL', { waiting: slot.waiting })
    expectOne(
      rowsChanged(
        await t.tx
          .update(bookings)
          .set({
            slotId: slot.id,
            centerId: slot.centerId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            updatedAt: now
          })
          .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'booked'), eq(bookings.slotId, booking.slotId)))
      ),
      'move a booking'
    )
    await endWaitingFor(t, booking.veteranId, booking.serviceId)
    await freePlace(t, booking.slotId)
    await promoteWaiting(t, booking.slotId, input.newCode)
    await notifyPeople.rescheduled(t, slot, booking, input)
    return done((await bookingViewIn(t, booking.id))!)
  })
}

/** Rates a completed booking once; the primary key on booking_id settles concurrent attempts. */
export async function rateBooking(
  db: Db,
  input: { bookingId: string; userId: string; score: number; comment: string | null }
) {
  type Rated = { bookingId: string; score: number; comment: string | null; createdAt: string }
  return inTx(db, async (t): Promise<Outcome<Rated>> => {
    const booking = await bookingRowIn(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    if (booking.status !== 'completed') return refuse('NOT_RATEABLE', { status: booking.status }, '服务完成后才能评价')
    const inserted = rowsChanged(
      await t.tx
        .insert(bookingRatings)
        .values({
          bookingId: booking.id,
          score: input.score,
          comment: input.comment,
          ratedBy: input.userId,
          createdAt: t.now
        })
        .onConflictDoNothing()
    )
    if (inserted === 0) return refuse('NOT_RATEABLE', {}, '这次服务已经评价过了，感谢您的反馈')
    return done({ bookingId: booking.id, score: input.score, comment: input.comment, createdAt: t.now })
  })
}

import type {
  Booking,
  BookingPage,
  BookingQuery,
  BookingRating,
  CancelBookingBody,
  CreateBookingBody,
  CreateRatingBody,
  CreateWaitlistBody,
  SlotDayList,
  SlotDetail,
  SlotList,
  SlotQuery,
  WaitlistEntry,
  WaitlistList
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, errorBody, IdempotentReplay, fieldError } from '../../lib/app-error'
import { newHumanCode } from '../../lib/ids'
import { decodeCursor, encodeCursor } from '../../lib/pagination'
import { addDays, daysBetween, shanghaiDate, shanghaiInstant } from '../../lib/time'
import type { Principal } from '../../lib/principal'
import type { IdempotentRequest } from '../platform/idempotency-repo'
import { releaseAccount } from './account-release-repo'
import * as bookingChanges from './booking-changes-repo'
import * as bookingsRepo from './bookings-repo'
import type { Refusal } from './outcome'
import { cachedSlotAnswer } from './slot-cache'
import * as slotsRepo from './slots-repo'
import * as waitlistRepo from './waitlist-repo'
import { toBooking, toSlot, toSlotDetail, toWaitlistEntry } from './views'

export const MAX_RANGE_DAYS = 31
const DEFAULT_RANGE_DAYS = 14

export const newCheckInCode = () => newHumanCode(6)

/** Turns a refusal from a transaction into the error the person sees. */
export function fail(refusal: Refusal): never {
  throw new AppError(refusal.code, refusal.details ?? {}, refusal.message)
}

export interface DateRange {
  first: string
  last: string
  fromIso: string
  toIso: string
}
/** Ranges asked for recently: nearly every calendar screen asks for the same few. */
const knownRanges = new Map<string, DateRange>()

/** A calendar range in Asia/Shanghai (default: today and the 13 days after) as UTC instants [from, to). */
export function dateRange(from: string | undefined, to: string | undefined): DateRange {
  const first = from ?? shanghaiDate()
  const key = `${first}|${to ?? ''}`
  const known = knownRanges.get(key)
  if (known) return known
  const last = to ?? addDays(first, DEFAULT_RANGE_DAYS - 1)
  if (last < first) throw fieldError('querystring.to', '结束日期不能早于开始日期')
  if (daysBetween(first, last) + 1 > MAX_RANGE_DAYS)
    throw fieldError('querystring.to', `查询范围不能超过 ${MAX_RANGE_DAYS} 天`)
  const range = {
    first,
    last,
    fromIso: shanghaiInstant(first).toISOString(),
    toIso: shanghaiInstant(addDays(last, 1)).toISOString()
  }
  if (knownRanges.size >= 1000) knownRanges.clear()
  knownRanges.set(key, range)
  return range
}

function slotFilter(query: SlotQuery) {
  if (!query.centerId && !query.serviceId) throw fieldError('querystring.centerId', '请选择服务中心或服务项目')
  const range = dateRange(query.from, query.to)
  return {
    range,
    filter: { centerId: query.centerId, serviceId: query.serviceId, fromIso: range.fromIso, toIso: range.toIso }
  }
}

/** The slot list; the same object (see sendOnceSerialized) for as long as it stays right. */
export async function listSlots(ctx: Ctx, query: SlotQuery): Promise<SlotList> {
  const { filter } = slotFilter(query)
  const now = new Date().toISOString()
  const rows = await slotsRepo.listSlots(ctx.db, filter)
  return cachedSlotAnswer(rows, now, () => ({
    items: rows.map((row) => toSlot(row, now, ctx.config.cancelCutoffMinutes))
  }))
}

/** The booking calendar: each day of the range with how many slots and places can be booked now. */
export async function listSlotDays(ctx: Ctx, query: SlotQuery): Promise<SlotDayList> {
  const { range, filter } = slotFilter(query)
  const now = new Date().toISOString()
  const days = new Map<string, { date: string; slots: number; available: number; remaining: number }>()
  for (let date = range.first; date <= range.last; date = addDays(date, 1))
    days.set(date, { date, slots: 0, available: 0, remaining: 0 })
  for (const row of await slotsRepo.listSlots(ctx.db, filter)) {
    const slot = toSlot(row, now, ctx.config.cancelCutoffMinutes)
    const day = days.get(shanghaiDate(slot.startsAt))
    if (!day) continue
    day.slots += 1
    if (slot.bookable) {
      day.available += 1
      day.remaining += slot.remaining
    }
  }
  return { items: [...days.values()] }
}

export async function getSlot(ctx: Ctx, slotId: string): Promise<SlotDetail> {
  const row = await slotsRepo.findSlotDetail(ctx.db, slotId)
  if (!row) throw new AppError('NOT_FOUND')
  return toSlotDetail(row, new Date().toISOString(), ctx.config.cancelCutoffMinutes)
}

/**
 * Whom a booking or waitlist entry is for: the signed-in veteran, or (veteranId) a veteran the account is linked
 * to as family — that link is checked inside the transaction.
 */
function veteranFor(principal: Principal, requested: string | undefined) {
  if (!requested || requested === principal.veteranId) {
    if (principal.veteranId) return { veteranId: principal.veteranId, viaLink: false }
    if (principal.role === 'family') throw fieldError('body.veteranId', '请选择为哪位退役军人办理')
    throw new AppError('NOT_ELIGIBLE')
  }
  return { veteranId: requested, viaLink: true }
}

/** Why a booking was refused, said for the person booking. */
function bookingRefusal(refusal: Refusal): AppError {
  if (refusal.code === 'NOT_ELIGIBLE') {
    return new AppError(
      'NOT_ELIGIBLE',
      {},
      '您尚未关联这位退役军人，不能代其办理。请让退役军人在“我的”中邀请您成为家属'
    )
  }
  if (refusal.code === 'NOT_FOUND') return new AppError('NOT_FOUND', {}, '该时段不存在，请刷新后重新选择')
  return new AppError(refusal.code, refusal.details ?? {}, refusal.message)
}

/**
 * Books a place. With an Idempotency-Key the booking transaction itself claims the key and records the answer
 * (success or refusal), so a retry can never book twice and always gets the first answer.
 */
export async function book(
  ctx: Ctx,
  principal: Principal,
  body: CreateBookingBody,
  idempotency: IdempotentRequest | null = null
): Promise<Booking> {
  const { veteranId, viaLink } = veteranFor(principal, body.veteranId)
  const cutoff = ctx.config.cancelCutoffMinutes
  const outcome = await bookingChanges.bookSlot(ctx.db, {
    slotId: body.slotId,
    veteranId,
    userId: principal.userId,
    viaLink,
    bookerName: principal.displayName,
    note: body.note?.trim() || null,
    checkInCode: newCheckInCode(),
    idempotency: idempotency && {
      request: idempotency,
      respond: (result) => {
        if (result.ok) return { status: 201, body: toBooking(result.value, cutoff) }
        const error = bookingRefusal(result)
        return { status: error.status, body: errorBody(error) }
      }
    }
  })
  if (outcome === 'replay') throw new IdempotentReplay()
  if (!outcome.ok) throw bookingRefusal(outcome)
  return toBooking(outcome.value, cutoff)
}

/**
 * Besides what it booked itself, an account sees the bookings for its own veteran record. A family member sees
 * the bookings they made for a veteran, not the veteran's own (a counselling visit is the veteran's business).
 */
async function myVeteranIds(_ctx: Ctx, principal: Principal) {
  return principal.veteranId ? [principal.veteranId] : []
}

async function visibleBooking(ctx: Ctx, principal: Principal, bookingId: string) {
  const row = await bookingsRepo.findBookingView(ctx.db, bookingId)
  if (!row) throw new AppError('NOT_FOUND')
  if (row.bookedByUserId !== principal.userId && !(await myVeteranIds(ctx, principal)).includes(row.veteranId)) {
    throw new AppError('NOT_FOUND')
  }
  return row
}

export async function listMyBookings(ctx: Ctx, principal: Principal, query: BookingQuery): Promise<BookingPage> {
  const limit = query.limit ?? 20
  const key = decodeCursor(query.cursor)
  const [startsAt, id] = key ? key.split('|') : []
  if (key && (!startsAt || !id)) throw fieldError('querystring.cursor', '分页参数无效')
  const rows = await bookingsRepo.listMyBookings(ctx.db, {
    userId: principal.userId,
    veteranIds: await myVeteranIds(ctx, principal),
    status: query.status,
    when: query.when,
    now: new Date().toISOString(),
    after: key ? { startsAt: startsAt!, id: id! } : null,
    limit
  })
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items: items.map((row) => toBooking(row, ctx.config.cancelCutoffMinutes)),
    nextCursor: rows.length > limit && last ? encodeCursor(`${last.startsAt}|${last.id}`) : null
  }
}

export async function getMyBooking(ctx: Ctx, principal: Principal, bookingId: string): Promise<Booking> {
  return toBooking(await visibleBooking(ctx, principal, bookingId), ctx.config.cancelCutoffMinutes)
}

const acting = (ctx: Ctx, principal: Principal): bookingChanges.Acting => ({
  actorId: principal.userId,
  actorName: principal.displayName,
  cutoffMinutes: ctx.config.cancelCutoffMinutes,
  newCode: newCheckInCode
})

export async function cancel(
  ctx: Ctx,
  principal: Principal,
  bookingId: string,
  body: CancelBookingBody | undefined
): Promise<Booking> {
  await visibleBooking(ctx, principal, bookingId)
  const outcome = await bookingChanges.cancelBooking(ctx.db, {
    ...acting(ctx, principal),
    bookingId,
    reason: body?.reason?.trim() || null
  })
  if (!outcome.ok) fail(outcome)
  return toBooking(outcome.value, ctx.config.cancelCutoffMinutes)
}

export async function reschedule(ctx: Ctx, principal: Principal, bookingId: string, slotId: string): Promise<Booking> {
  await visibleBooking(ctx, principal, bookingId)
  const outcome = await bookingChanges.rescheduleBooking(ctx.db, { ...acting(ctx, principal), bookingId, slotId })
  if (!outcome.ok) fail(outcome)
  return toBooking(outcome.value, ctx.config.cancelCutoffMinutes)
}

export async function rate(
  ctx: Ctx,
  principal: Principal,
  bookingId: string,
  body: CreateRatingBody
): Promise<BookingRating> {
  await visibleBooking(ctx, principal, bookingId)
  const outcome = await bookingChanges.rateBooking(ctx.db, {
    bookingId,
    userId: principal.userId,
    score: body.score,
    comment: body.comment?.trim() || null
  })
  if (!outcome.ok) fail(outcome)
  return outcome.value
}

export async function joinWaitlist(ctx: Ctx, principal: Principal, body: CreateWaitlistBody): Promise<WaitlistEntry> {
  const { veteranId, viaLink } = veteranFor(principal, body.veteranId)
  const outcome = await waitlistRepo.joinWaitlist(ctx.db, {
    slotId: body.slotId,
    veteranId,
    userId: principal.userId,
    viaLink
  })
  if (!outcome.ok) throw bookingRefusal(outcome)
  return toWaitlistEntry((await waitlistRepo.findWaitlistView(ctx.db, outcome.value.id))!)
}

export async function listMyWaitlist(ctx: Ctx, principal: Principal): Promise<WaitlistList> {
  const rows = await waitlistRepo.listMyWaitlist(ctx.db, {
    userId: principal.userId,
    veteranIds: await myVeteranIds(ctx, principal),
    now: new Date().toISOString()
  })
  return { items: rows.map(toWaitlistEntry), nextCursor: null }
}

export async function leaveWaitlist(ctx: Ctx, principal: Principal, id: string) {
  const entry = await waitlistRepo.findWaitlistView(ctx.db, id)
  if (
    !entry ||
    (entry.userId !== principal.userId && !(await myVeteranIds(ctx, principal)).includes(entry.veteranId))
  ) {
    throw new AppError('NOT_FOUND')
  }
  // What the entry had become is decided in the leave's transaction (a cancellation may promote it meanwhile).
  const left = await waitlistRepo.leaveWaitlist(ctx.db, id)
  if (left?.status === 'promoted') {
    throw new AppError(
      'INVALID_STATE',
      { bookingId: left.bookingId },
      '候补已成功转为预约，如需取消请在“我的预约”中取消'
    )
  }
}

// Account closing and data export (hooks registered by routes.ts).

export async function releaseClosingAccount(ctx: Ctx, userId: string) {
  await releaseAccount(ctx.db, userId, newCheckInCode)
}

export async function exportBookings(ctx: Ctx, userId: string) {
  return (await bookingsRepo.listBookingsForExport(ctx.db, userId)).map((row) =>
    toBooking(row, ctx.config.cancelCutoffMinutes)
  )
}

export async function exportWaitlist(ctx: Ctx, userId: string) {
  return (await waitlistRepo.listWaitlistForExport(ctx.db, userId)).map(toWaitlistEntry)
}

/**
 * For the staff inbox (messaging): the upcoming bookings a person made or that are for their veteran record,
 * soonest first. The caller decides which of them its staff member may see.
 */
export async function upcomingBookingsOf(
  ctx: Ctx,
  person: { userId: string; veteranId: string | null },
  limit: number
): Promise<Booking[]> {
  const rows = await bookingsRepo.listMyBookings(ctx.db, {
    userId: person.userId,
    veteranIds: person.veteranId ? [person.veteranId] : [],
    when: 'upcoming',
    now: new Date().toISOString(),
    after: null,
    limit
  })
  return rows.slice(0, limit).map((row) => toBooking(row, ctx.config.cancelCutoffMinutes))
}

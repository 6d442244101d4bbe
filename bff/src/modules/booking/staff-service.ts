import type {
  BatchSlotsBody,
  BatchSlotsResult,
  Booking,
  CheckInBody,
  CreateSlotBody,
  StaffBookingList,
  StaffBookingQuery,
  StaffSlot,
  StaffSlotList,
  StaffSlotQuery,
  UpdateSlotBody
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { canActOnCenter } from '../../lib/scope'
import { addDays, daysBetween, shanghaiDate, shanghaiInstant } from '../../lib/time'
import type { Principal } from '../../lib/principal'
import { centerOffersService, findCenter } from '../reference/service'
import { parseTimeRange, scheduleDays } from './calendar'
import { recordAttendance, type StaffAction } from './attendance-repo'
import * as bookingsRepo from './bookings-repo'
import type { Refusal } from './outcome'
import * as slotsRepo from './slots-repo'
import { dateRange, fail, newCheckInCode } from './service'
import { toBooking, toStaffSlot } from './views'

const MAX_BATCH_DAYS = 92
const MAX_BATCH_SLOTS = 2000
const MAX_SLOT_HOURS = 12
const CHECK_IN_OPENS_MINUTES = 60

/** The center a staff request is about: the one named if the staff member may act on it, else their own. */
function centerInScope(principal: Principal, centerId: string | undefined, path: string) {
  if (centerId) {
    if (!canActOnCenter(principal, centerId))
      throw new AppError('FORBIDDEN', {}, '只能查看和管理本服务中心的号源和预约')
    return centerId
  }
  if (!principal.center) throw fieldError(path, '请选择服务中心')
  return principal.center.id
}

const audit = (
  principal: Principal,
  action: string,
  entity: string,
  entityId: string | null,
  detail: Record<string, unknown>
) => ({
  actorId: principal.userId,
  actorRole: principal.role,
  action,
  entity,
  entityId,
  detail
})

async function checkCenterAndService(ctx: Ctx, principal: Principal, centerId: string, serviceId: string) {
  if (!(await findCenter(ctx.db, centerId))) throw fieldError('body.centerId', '没有这个服务中心')
  if (!canActOnCenter(principal, centerId)) throw new AppError('FORBIDDEN', {}, '只能为本服务中心安排号源')
  if (!(await centerOffersService(ctx.db, centerId, serviceId)))
    throw fieldError('body.serviceId', '该服务中心不提供这项服务')
}

export async function createSlot(ctx: Ctx, principal: Principal, body: CreateSlotBody): Promise<StaffSlot> {
  await checkCenterAndService(ctx, principal, body.centerId, body.serviceId)
  const starts = Date.parse(body.startsAt)
  const ends = Date.parse(body.endsAt)
  const now = new Date()
  if (starts <= now.getTime()) throw fieldError('body.startsAt', '开始时间不能早于现在')
  if (ends <= starts) throw fieldError('body.endsAt', '结束时间须晚于开始时间')
  if (ends - starts > MAX_SLOT_HOURS * 3_600_000)
    throw fieldError('body.endsAt', `一个时段不能超过 ${MAX_SLOT_HOURS} 小时`)
  const at = now.toISOString()
  const id = newId()
  const row = await slotsRepo.insertSlot(
    ctx.db,
    {
      id,
      centerId: body.centerId,
      serviceId: body.serviceId,
      startsAt: new Date(starts).toISOString(),
      endsAt: new Date(ends).toISOString(),
      capacity: body.capacity,
      createdBy: principal.userId,
      createdAt: at,
      updatedAt: at
    },
    audit(principal, 'booking.slot.create', 'slot', id, {
      centerId: body.centerId,
      serviceId: body.serviceId,
      startsAt: body.startsAt,
      capacity: body.capacity
    })
  )
  if (!row) throw new AppError('SLOT_EXISTS')
  return toStaffSlot(row, at, ctx.config.cancelCutoffMinutes)
}

/**
 * Creates the slots of a weekly pattern over a date range: public holidays skipped, make-up working days
 * included, slots that exist or have already started skipped.
 */
export async function createSlotsBatch(
  ctx: Ctx,
  principal: Principal,
  body: BatchSlotsBody
): Promise<BatchSlotsResult> {
  await checkCenterAndService(ctx, principal, body.centerId, body.serviceId)
  if (body.to < body.from) throw fieldError('body.to', '结束日期不能早于开始日期')
  if (daysBetween(body.from, body.to) + 1 > MAX_BATCH_DAYS)
    throw fieldError('body.to', `一次最多安排 ${MAX_BATCH_DAYS} 天`)
  if (body.to < shanghaiDate()) throw fieldError('body.to', '所选日期都已过去，请从今天或以后开始安排')
  const ranges = body.times.map((range, i) => {
    const parsed = parseTimeRange(range)
    if (!parsed) throw fieldError(`body.times.${i}`, '结束时间须晚于开始时间')
    return parsed
  })
  const now = new Date().toISOString()
  const days = scheduleDays(body.from < shanghaiDate() ? shanghaiDate() : body.from, body.to, body.weekdays)
  if (days.dates.length * ranges.length > MAX_BATCH_SLOTS)
    throw fieldError('body.to', `一次最多创建 ${MAX_BATCH_SLOTS} 个时段，请缩短日期范围`)
  const rows: slotsRepo.NewSlotRow[] = []
  for (const date of days.dates) {
    for (const [start, end] of ranges) {
      const startsAt = shanghaiInstant(date, start).toISOString()
      if (startsAt <= now) continue
      rows.push({
        id: newId(),
        centerId: body.centerId,
        serviceId: body.serviceId,
        startsAt,
        endsAt: shanghaiInstant(date, end).toISOString(),
        capacity: body.capacity,
        createdBy: principal.userId,
        createdAt: now,
        updatedAt: now
      })
    }
  }
  const created = await slotsRepo.insertSlots(
    ctx.db,
    rows,
    audit(principal, 'booking.slot.batch', 'slot', null, {
      centerId: body.centerId,
      serviceId: body.serviceId,
      from: body.from,
      to: body.to,
      weekdays: body.weekdays,
      times: body.times,
      capacity: body.capacity
    })
  )
  return {
    created,
    skippedExisting: rows.length - created,
    skippedHolidays: days.skippedHolidays,
    makeupWorkdays: days.makeupWorkdays
  }
}

export async function updateSlot(
  ctx: Ctx,
  principal: Principal,
  slotId: string,
  body: UpdateSlotBody
): Promise<StaffSlot> {
  const slot = await slotsRepo.findSlotDetail(ctx.db, slotId)
  if (!slot || !canActOnCenter(principal, slot.centerId)) throw new AppError('NOT_FOUND')
  if (body.status === 'closed' && slot.status === 'open' && !body.reason?.trim())
    throw fieldError('body.reason', '关闭时段请填写原因，将告知已预约的人')
  const outcome = await slotsRepo.changeSlot(ctx.db, {
    slotId,
    capacity: body.capacity,
    status: body.status,
    reason: body.reason?.trim() || null,
    audit: audit(principal, 'booking.slot.update', 'slot', slotId, { ...body }),
    newCode: newCheckInCode
  })
  if (!outcome.ok) fail(outcome)
  return toStaffSlot(outcome.value, new Date().toISOString(), ctx.config.cancelCutoffMinutes)
}

export async function listSlots(ctx: Ctx, principal: Principal, query: StaffSlotQuery): Promise<StaffSlotList> {
  const centerId = centerInScope(principal, query.centerId, 'querystring.centerId')
  const range = dateRange(query.from, query.to)
  const now = new Date().toISOString()
  const rows = await slotsRepo.listStaffSlots(ctx.db, {
    centerId,
    serviceId: query.serviceId,
    fromIso: range.fromIso,
    toIso: range.toIso
  })
  return { items: rows.map((row) => toStaffSlot(row, now, ctx.config.cancelCutoffMinutes)) }
}

/** The day board: a center's bookings of one day, by time, veterans' names masked. */
export async function listBookings(
  ctx: Ctx,
  principal: Principal,
  query: StaffBookingQuery
): Promise<StaffBookingList> {
  const centerId = centerInScope(principal, query.centerId, 'querystring.centerId')
  const date = query.date ?? shanghaiDate()
  const rows = await bookingsRepo.listCenterBookings(ctx.db, {
    centerId,
    fromIso: shanghaiInstant(date).toISOString(),
    toIso: shanghaiInstant(addDays(date, 1)).toISOString(),
    status: query.status
  })
  return { items: rows.map((row) => toBooking(row, ctx.config.cancelCutoffMinutes)), nextCursor: null }
}

async function bookingInScope(ctx: Ctx, principal: Principal, bookingId: string) {
  const row = await bookingsRepo.findBookingView(ctx.db, bookingId)
  if (!row || !canActOnCenter(principal, row.centerId)) throw new AppError('NOT_FOUND')
  return row
}

const refusal = (code: Refusal['code'], message?: string, details: Record<string, unknown> = {}): Refusal => ({
  ok: false,
  code,
  details,
  message
})
const minutesBefore = (iso: string, minutes: number) => Date.parse(iso) - minutes * 60_000

const STATUS_WORDS: Record<string, string> = {
  cancelled: '已取消',
  completed: '已完成',
  no_show: '已标记未到',
  checked_in: '已签到',
  booked: '待签到'
}

async function moveAlong(
  ctx: Ctx,
  principal: Principal,
  bookingId: string,
  action: StaffAction,
  rule: (row: { status: string; startsAt: string; endsAt: string; checkInCode: string }, now: number) => Refusal | null,
  alreadyThere: string
): Promise<Booking> {
  const view = await bookingInScope(ctx, principal, bookingId)
  if (view.status === alreadyThere) return toBooking(view, ctx.config.cancelCutoffMinutes)
  const outcome = await recordAttendance(ctx.db, {
    bookingId,
    action,
    audit: audit(principal, `booking.${action}`, 'booking', bookingId, { centerId: view.centerId, from: view.status }),
    allowed: (row, now) =>
      row.status === alreadyThere
        ? refusal('INVALID_STATE', `该预约${STATUS_WORDS[row.status]}`)
        : rule(row, Date.parse(now))
  })
  if (!outcome.ok) fail(outcome)
  return toBooking(outcome.value, ctx.config.cancelCutoffMinutes)
}

export async function checkIn(ctx: Ctx, principal: Principal, bookingId: string, body: CheckInBody | undefined) {
  return moveAlong(
    ctx,
    principal,
    bookingId,
    'check_in',
    (row, now) => {
      if (row.status !== 'booked') return refusal('INVALID_STATE', `该预约${STATUS_WORDS[row.status]}，不能签到`)
      if (now < minutesBefore(row.startsAt, CHECK_IN_OPENS_MINUTES)) {
        return refusal('CHECK_IN_NOT_OPEN', undefined, {
          opensAt: new Date(minutesBefore(row.startsAt, CHECK_IN_OPENS_MINUTES)).toISOString()
        })
      }
      if (now >= Date.parse(row.endsAt)) return refusal('INVALID_STATE', '时段已结束，不能签到；如已办理请标记为已完成')
      const code = body?.checkInCode?.trim().toUpperCase()
      if (code !== undefined && code !== row.checkInCode) return refusal('CHECK_IN_CODE_INVALID')
      return null
    },
    'checked_in'
  )
}

export async function complete(ctx: Ctx, principal: Principal, bookingId: string) {
  return moveAlong(
    ctx,
    principal,
    bookingId,
    'complete',
    (row, now) => {
      if (row.status !== 'booked' && row.status !== 'checked_in')
        return refusal('INVALID_STATE', `该预约${STATUS_WORDS[row.status]}，不能标记完成`)
      if (now < minutesBefore(row.startsAt, CHECK_IN_OPENS_MINUTES)) {
        return refusal('CHECK_IN_NOT_OPEN', '服务尚未开始，开始前 1 小时起才能签到或标记完成')
      }
      return null
    },
    'completed'
  )
}

export async function markNoShow(ctx: Ctx, principal: Principal, bookingId: string) {
  return moveAlong(
    ctx,
    principal,
    bookingId,
    'no_show',
    (row, now) => {
      if (row.status !== 'booked') return refusal('INVALID_STATE', `该预约${STATUS_WORDS[row.status]}，不能标记未到`)
      if (now < Date.parse(row.endsAt)) return refusal('SLOT_NOT_ENDED', undefined, { endsAt: row.endsAt })
      return null
    },
    'no_show'
  )
}

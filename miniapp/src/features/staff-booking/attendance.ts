import type { Booking } from '@veterans/shared'
import { beijingTimeOf } from '@veterans/shared/rules'

/** Check-in opens this long before a slot starts (the server's rule). */
export const CHECK_IN_OPENS_MINUTES = 60

/** A code as typed or scanned: spaces dropped, upper case (codes are letters and digits). */
export function normalizeCheckInCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

const ALREADY: Partial<Record<Booking['status'], string>> = {
  checked_in: '已经签到过了',
  completed: '已经办结了',
  cancelled: '已经取消，不能签到。可以请他重新预约，或现场为他办理',
  no_show: '已被标记为未到。如确实来了，请现场为他办理'
}

/** The booking of the day with this check-in code, or why it cannot be checked in. */
export function findByCheckInCode(bookings: readonly Booking[], code: string): { booking?: Booking; problem?: string } {
  const booking = bookings.find((b) => b.checkInCode.toUpperCase() === code)
  if (!booking) return { problem: '这一天本中心没有这个签到码的预约。请核对签到码，或看看预约的日期和服务中心对不对。' }
  const already = ALREADY[booking.status]
  if (already) return { booking, problem: `${booking.veteranNameMasked}的预约${already}。` }
  return { booking }
}

/** What staff may do with a booking now, and why not yet (shown beside a disabled button). */
export function attendanceWindow(booking: Pick<Booking, 'startsAt' | 'endsAt'>, now: Date) {
  const opens = Date.parse(booking.startsAt) - CHECK_IN_OPENS_MINUTES * 60_000
  const ends = Date.parse(booking.endsAt)
  const t = now.getTime()
  return {
    canCheckIn: t >= opens && t < ends,
    checkInHint:
      t < opens ? `开始前 1 小时（${beijingTimeOf(opens)}）起可以签到` : '时段已结束，不能再签到；如已办理，请点“办结”',
    canComplete: t >= opens,
    canMarkNoShow: t >= ends,
    noShowHint: `时段结束（${beijingTimeOf(booking.endsAt)}）以后才能标记未到`
  }
}

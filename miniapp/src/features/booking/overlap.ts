import type { Booking } from '@veterans/shared'
import { whenText } from './dates'

/**
 * One person cannot be in two places at once: the server refuses a booking whose time overlaps another active
 * booking of the same veteran (TIME_CONFLICT), whatever the service or center. This finds that booking among the
 * person's upcoming ones, to warn on the confirm screen before the tap.
 */
export function overlappingBooking(
  slot: { startsAt: string; endsAt: string },
  bookings: readonly Booking[],
  whose: { veteranId: string | undefined; movingId?: string }
): Booking | undefined {
  if (!whose.veteranId) return undefined
  return bookings.find(
    (b) =>
      b.veteranId === whose.veteranId &&
      b.id !== whose.movingId &&
      (b.status === 'booked' || b.status === 'checked_in') &&
      b.startsAt < slot.endsAt &&
      b.endsAt > slot.startsAt
  )
}

/** The warning on the confirm screen: which booking is at the same time, and what to do. */
export function overlapWarningText(
  other: Pick<Booking, 'serviceName' | 'centerName' | 'startsAt' | 'endsAt'>,
  today: string,
  whom: string
): string {
  return `${whom}在 ${whenText(other.startsAt, other.endsAt, today)} 已有“${other.serviceName}”的预约（${other.centerName}），和这个时段时间冲突，不能同时办理。请先取消或改约那个预约，或换一个时段。`
}

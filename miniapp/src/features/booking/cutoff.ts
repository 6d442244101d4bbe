import type { Booking } from '@veterans/shared'
import { cutoffText } from '@veterans/shared/rules'

/**
 * The cancellation cut-off: from this long before a slot starts, a booking can no longer be cancelled or moved
 * online (the person phones the center instead). The server's rule; every slot and booking carries it as
 * `cancellableUntil = startsAt − cut-off`. Pure, for unit tests.
 */

/** The cut-off of a slot or booking, in minutes (startsAt − cancellableUntil). */
export function cutoffMinutesOf(booking: Pick<Booking, 'startsAt' | 'cancellableUntil'>): number {
  return Math.max(0, Math.round((Date.parse(booking.startsAt) - Date.parse(booking.cancellableUntil)) / 60_000))
}

/** 2 小时 / 90 分钟 / 1 天: the wording the server's refusals use too (shared). */
export { cutoffText }

/** Whether a slot starts so soon that a booking of it could no longer be cancelled or moved online. */
export function insideCutoff(slot: { startsAt: string }, cutoffMinutes: number, now: Date): boolean {
  return cutoffMinutes > 0 && now.getTime() > Date.parse(slot.startsAt) - cutoffMinutes * 60_000
}

/** Said beside such a slot in the list. */
export function cutoffMark(cutoffMinutes: number): string {
  return `离开始不到 ${cutoffText(cutoffMinutes)}：约了以后不能在线取消或改约`
}

/** Said before confirming a booking (or a move) into such a slot. */
export function cutoffWarning(
  cutoffMinutes: number,
  center: { centerName: string; centerPhone: string },
  moving: boolean
): string {
  const after = moving ? '改到这个时段以后' : '预约以后'
  return (
    `这个时段离开始已不到 ${cutoffText(cutoffMinutes)}。开始前 ${cutoffText(cutoffMinutes)}内不能在线取消或改约，` +
    `${after}如有变化，请致电${center.centerName} ${center.centerPhone}。`
  )
}

/** The last line of the confirm screen: how to give the place back if the person cannot come. */
export function cannotComeAdvice(
  inside: boolean,
  cutoffMinutes: number,
  center: { centerName: string; centerPhone: string }
): string {
  if (inside) return `如果不能前往，请致电${center.centerName} ${center.centerPhone}，把名额让给别人。`
  return `如果不能前往，请在开始前 ${cutoffText(cutoffMinutes)}以前到“我的预约”里取消，把名额让给别人；再晚请致电 ${center.centerPhone}。`
}

import type { Booking, BookingStatus, WaitlistEntry } from '@veterans/shared'

/** Booking states in the words a person uses. */
export const BOOKING_STATUS_WORDS: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已签到',
  completed: '已办结',
  cancelled: '已取消',
  no_show: '未到场'
}

type StatusFields = Pick<Booking, 'status' | 'rating'> &
  Partial<Pick<Booking, 'cancelledBy' | 'cancelReason' | 'centerName' | 'centerPhone'>>

/** The status said in words, with what it means for the person now. */
export function bookingStatusText(booking: StatusFields): { words: string; meaning: string } {
  switch (booking.status) {
    case 'booked':
      return { words: BOOKING_STATUS_WORDS.booked, meaning: '请按时到场，在服务台出示签到码。' }
    case 'checked_in':
      return { words: BOOKING_STATUS_WORDS.checked_in, meaning: '已在服务中心签到，请等候工作人员叫号。' }
    case 'completed':
      return booking.rating
        ? { words: BOOKING_STATUS_WORDS.completed, meaning: '服务已办结，感谢您的评价。' }
        : { words: `${BOOKING_STATUS_WORDS.completed}，待评价`, meaning: '服务已办结，欢迎为这次服务评价。' }
    case 'cancelled':
      return cancelledText(booking)
    case 'no_show':
      return { words: BOOKING_STATUS_WORDS.no_show, meaning: '这次预约没有到场签到。如仍需办理，请重新预约。' }
  }
}

/**
 * Who cancelled decides what is true to say: the person gave the place back; the center cancelled it (a closed slot)
 * and owes the reason, a phone number and another time.
 */
function cancelledText(booking: StatusFields): { words: string; meaning: string } {
  if (booking.cancelledBy !== 'staff')
    return { words: BOOKING_STATUS_WORDS.cancelled, meaning: '这次预约已取消，名额已让给其他人。' }
  const reason = booking.cancelReason?.trim().replace(/[。.]$/, '')
  const phone = booking.centerPhone
    ? `如有疑问，请致电${booking.centerName ?? '服务中心'} ${booking.centerPhone}。`
    : ''
  return {
    words: '服务中心已取消',
    meaning: `${booking.centerName ?? '服务中心'}取消了这次预约${reason ? `，原因：${reason}` : ''}。您不用前往。${phone}可以另约其他时间。`
  }
}

/** The five grades of the government-service 好差评 rating, best first. */
export const RATING_WORDS: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意'
}

/** Whether the person can still cancel or move the booking online, or must phone the center. */
export function changeWindow(
  booking: Pick<Booking, 'status' | 'cancellableUntil'>,
  now: Date
): 'open' | 'closed' | 'not-applicable' {
  if (booking.status !== 'booked') return 'not-applicable'
  return now.getTime() < Date.parse(booking.cancellableUntil) ? 'open' : 'closed'
}

export function canRate(booking: Pick<Booking, 'status' | 'rating'>): boolean {
  return booking.status === 'completed' && booking.rating === null
}

/** Why a 候补 stopped, in plain words (WaitlistEntry.endedReason). */
const WAITLIST_ENDED: Record<NonNullable<WaitlistEntry['endedReason']>, string> = {
  booked: '候补已结束：已预约了这项服务的其他时间（同一项服务只保留一个预约）',
  left: '已不再候补',
  slot_closed: '候补已结束：服务中心暂停了这个时段',
  account_closed: '候补已结束：账号已注销',
  time_conflict: '有空位时未能转为预约：同一时间已有其他预约（一个人不能同时在两处办理）'
}

/** A waitlist entry in words: the position while waiting, or what became of it. */
export function waitlistStatusText(
  entry: Pick<WaitlistEntry, 'status' | 'position'> & Partial<Pick<WaitlistEntry, 'endedReason'>>
): string {
  switch (entry.status) {
    case 'waiting':
      return entry.position === 1 ? '候补中，排在第 1 位，有人取消就轮到您' : `候补中，排在第 ${entry.position} 位`
    case 'promoted':
      return '候补成功，已转为预约'
    case 'cancelled':
      return entry.endedReason ? WAITLIST_ENDED[entry.endedReason] : '候补已取消'
    case 'skipped':
      return entry.endedReason === 'time_conflict'
        ? WAITLIST_ENDED.time_conflict
        : '有空位时未能转为预约（已有同类预约，或家属关联已解除）'
  }
}

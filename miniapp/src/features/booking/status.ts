import type { Booking, BookingStatus, WaitlistEntry } from '@veterans/shared'

/** Booking states in the words a person uses. */
export const BOOKING_STATUS_WORDS: Record<BookingStatus, string> = {
  booked: '已预约',
  checked_in: '已签到',
  completed: '已办结',
  cancelled: '已取消',
  no_show: '未到场'
}

/** The status said in words, with what it means for the person now. */
export function bookingStatusText(booking: Pick<Booking, 'status' | 'rating'>): { words: string; meaning: string } {
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
      return { words: BOOKING_STATUS_WORDS.cancelled, meaning: '这次预约已取消，名额已让给其他人。' }
    case 'no_show':
      return { words: BOOKING_STATUS_WORDS.no_show, meaning: '这次预约没有到场签到。如仍需办理，请重新预约。' }
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
export function changeWindow(booking: Pick<Booking, 'status' | 'cancellableUntil'>, now: Date): 'open' | 'closed' | 'not-applicable' {
  if (booking.status !== 'booked') return 'not-applicable'
  return now.getTime() < Date.parse(booking.cancellableUntil) ? 'open' : 'closed'
}

export function canRate(booking: Pick<Booking, 'status' | 'rating'>): boolean {
  return booking.status === 'completed' && booking.rating === null
}

/** A waitlist entry in words: the position while waiting, or what became of it. */
export function waitlistStatusText(entry: Pick<WaitlistEntry, 'status' | 'position'>): string {
  switch (entry.status) {
    case 'waiting':
      return entry.position === 1 ? '候补中，排在第 1 位，有人取消就轮到您' : `候补中，排在第 ${entry.position} 位`
    case 'promoted':
      return '候补成功，已转为预约'
    case 'cancelled':
      return '候补已取消'
    case 'skipped':
      return '有空位时未能转为预约（已有同类预约，或家属关联已解除）'
  }
}

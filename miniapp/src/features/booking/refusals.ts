import type { ApiError } from '../../api'

/**
 * What a person can do after a refusal of a booking action. The server's message says why; this says what next,
 * and the screen shows the matching buttons (another slot, 候补, the existing booking, the center's phone).
 */
export type NextStep = 'other-slot' | 'waitlist' | 'existing-booking' | 'phone' | 'bind-identity' | 'retry' | 'none'

export interface Refusal {
  message: string
  steps: NextStep[]
  /** ALREADY_BOOKED, TIME_CONFLICT: the booking the veteran already holds (when the person can open it). */
  bookingId?: string
  phone?: string
}

const ADVICE: Record<string, { extra?: string; steps: NextStep[] }> = {
  SLOT_FULL: {
    extra: '可以登记候补，有人取消时按顺序自动为您预约；也可以换一个时段。',
    steps: ['waitlist', 'other-slot']
  },
  ALREADY_BOOKED: {
    extra: '同一项服务同时只能有一个预约。可以查看原来的预约，需要时改约或取消。',
    steps: ['existing-booking']
  },
  // The server's message names the other booking and what to do.
  TIME_CONFLICT: { steps: ['existing-booking', 'other-slot'] },
  SLOT_NOT_BOOKABLE: { extra: '请换一个时段。', steps: ['other-slot'] },
  SLOT_NOT_FULL: { extra: '这个时段现在有空位，可以直接预约。', steps: ['other-slot'] },
  NOT_ELIGIBLE: { extra: '认证身份后就可以预约；家属请先让退役军人在“家人关联”里邀请您。', steps: ['bind-identity'] },
  CANCEL_WINDOW_CLOSED: { extra: '如需取消或改时间，请打电话告诉服务中心。', steps: ['phone'] },
  WAITLIST_EXISTS: { extra: '可以在“我的预约”里查看排队位置。', steps: [] },
  NOT_RATEABLE: { steps: [] },
  IDEMPOTENCY_KEY_REUSED: { extra: '请返回上一页重新选择时段。', steps: ['other-slot'] }
}

/**
 * A family member cannot open the veteran's own bookings: the server names the other booking of a TIME_CONFLICT
 * (its serviceName) only to someone who can, and only then is there a link to it.
 */
const canOpen = (error: ApiError) => error.code !== 'TIME_CONFLICT' || typeof error.details.serviceName === 'string'

export function refusalOf(error: ApiError, fallbackPhone?: string): Refusal {
  if (error.isNetwork) {
    return { message: `${error.message}。如果刚才已经办成，再试一次也不会重复办理。`, steps: ['retry'] }
  }
  const advice = ADVICE[error.code]
  const base = error.message.replace(/[。.]$/, '')
  const message = advice?.extra ? `${base}。${advice.extra}` : `${base}。`
  const bookingId = typeof error.details.bookingId === 'string' && canOpen(error) ? error.details.bookingId : undefined
  const phone = typeof error.details.centerPhone === 'string' ? error.details.centerPhone : fallbackPhone
  return { message, steps: advice?.steps ?? ['none'], bookingId, phone }
}

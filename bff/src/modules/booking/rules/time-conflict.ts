import { beijingTimeOf } from '@veterans/shared/rules'
import { formatWhen } from '../messages'
import { refuse, type Refusal } from '../outcome'

// One person cannot be in two places at once: a veteran's active bookings (any service, any center) never overlap.
// Overlap is startsAt < other.endsAt AND endsAt > other.startsAt (statements.ts): touching slots do not overlap.

export interface OtherBooking {
  id: string
  startsAt: string
  endsAt: string
  centerName: string
  serviceName: string
}

/**
 * The refusal names the other booking (what, where, when) only to someone who can open it: a family member does
 * not see the veteran's own bookings, and is told only that he is busy then.
 */
export function timeConflictRefusal(other: OtherBooking, canSee: boolean): Refusal {
  if (!canSee) {
    return refuse(
      'TIME_CONFLICT',
      { bookingId: other.id },
      '这位退役军人在该时段已有其他预约，时间冲突。请另选时段，或请他本人先取消或改约那个预约'
    )
  }
  const when = `${formatWhen(other.startsAt)}–${beijingTimeOf(other.endsAt)}`
  return refuse(
    'TIME_CONFLICT',
    {
      bookingId: other.id,
      serviceName: other.serviceName,
      centerName: other.centerName,
      startsAt: other.startsAt,
      endsAt: other.endsAt
    },
    `该时段与已有的预约时间冲突：${when} ${other.centerName}「${other.serviceName}」。请先取消或改约那个预约，或另选时段`
  )
}

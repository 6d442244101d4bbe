import { cutoffText } from '@veterans/shared'
import { refuse, type Refusal } from '../outcome'

// The cancellation cut-off: from this long before the start a booking can no longer be cancelled or moved
// online; the person phones the center instead.

const cutoffAt = (startsAt: string, cutoffMinutes: number) => Date.parse(startsAt) - cutoffMinutes * 60_000

/** Until when a booking can be cancelled or moved online. */
export function cancellableUntil(startsAt: string, cutoffMinutes: number) {
  return new Date(cutoffAt(startsAt, cutoffMinutes)).toISOString()
}

/** Inside the cut-off the change is refused, with the center's phone number to call instead. */
export function cutoffRefusal(
  center: { centerName: string; centerPhone: string },
  startsAt: string,
  cutoffMinutes: number,
  now: string,
  doing: '取消' | '改期'
): Refusal | null {
  if (Date.parse(now) <= cutoffAt(startsAt, cutoffMinutes)) return null
  return refuse(
    'CANCEL_WINDOW_CLOSED',
    { centerName: center.centerName, centerPhone: center.centerPhone, cutoffMinutes },
    `距开始已不足 ${cutoffText(cutoffMinutes)}，无法在线${doing}。如需调整，请致电${center.centerName} ${center.centerPhone}`
  )
}

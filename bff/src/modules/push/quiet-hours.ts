import { addDays, beijingClock, beijingDateOf, beijingInstant } from '@veterans/shared/rules'

// Nobody is woken by a non-urgent message: from 21:00 to 08:00 Beijing time they wait until 08:00.

const QUIET_FROM_HOUR = 21
const QUIET_UNTIL = '08:00'

/** The instant a non-urgent message may go out: `at` itself, or 08:00 after the quiet hours it falls in. */
export function afterQuietHours(at: string): string {
  const { hour } = beijingClock(at)
  if (hour >= QUIET_FROM_HOUR) return beijingInstant(addDays(beijingDateOf(at), 1), QUIET_UNTIL)
  if (hour < 8) return beijingInstant(beijingDateOf(at), QUIET_UNTIL)
  return at
}

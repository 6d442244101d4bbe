import { addDays, beijingClock, beijingDateOf, beijingInstant } from '@veterans/shared/rules'

// When a visit's reminder goes out: at 18:00 Beijing time the evening before a morning visit (before 12:00),
// otherwise 24 hours before it starts. Booked after that moment, the reminder goes at once — unless the visit is
// under 2 hours away, when a reminder is no help.

const HOUR = 60 * 60_000
const TOO_CLOSE_MS = 2 * HOUR

/** The instant (ISO) the reminder of a visit starting at `startsAt` is due, decided at `now`; null: none. */
export function reminderDueAt(startsAt: string, now: string): string | null {
  const start = Date.parse(startsAt)
  const at = Date.parse(now)
  if (start - at < TOO_CLOSE_MS) return null
  const planned =
    beijingClock(startsAt).hour < 12
      ? Date.parse(beijingInstant(addDays(beijingDateOf(startsAt), -1), '18:00'))
      : start - 24 * HOUR
  return new Date(Math.max(planned, at)).toISOString()
}

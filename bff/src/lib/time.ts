import { addDays, beijingDateOf, beijingInstant, type Instant } from '@veterans/shared/rules'

// Date arithmetic in Beijing time lives in @veterans/shared (rules/beijing-time.ts), one home for the BFF and the
// mini-program. What stays here is the server's own: Date objects, and today worked out once a day.
export { addDays, daysBetween, isoWeekday } from '@veterans/shared/rules'

export function nowIso(now: Date = new Date()): string {
  return now.toISOString()
}

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant (by default now: see today()). */
export function shanghaiDate(instant?: Instant): string {
  return instant === undefined ? today() : beijingDateOf(instant)
}

let currentDay = { date: '', from: 0, until: 0 }

/** Today in Asia/Shanghai, worked out once a day rather than on every request that needs it. */
function today(now = Date.now()): string {
  if (now < currentDay.from || now >= currentDay.until) {
    const date = beijingDateOf(now)
    currentDay = { date, from: Date.parse(beijingInstant(date)), until: Date.parse(beijingInstant(addDays(date, 1))) }
  }
  return currentDay.date
}

/** The UTC instant of a wall-clock time in Asia/Shanghai: ('2026-12-01', '09:30') → 2026-12-01T01:30:00.000Z. */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  return new Date(beijingInstant(date, time))
}

export function addMinutes(instant: Date | string, minutes: number): Date {
  return new Date(new Date(instant).getTime() + minutes * 60_000)
}

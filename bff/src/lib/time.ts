/** Asia/Shanghai has no daylight saving time: it is always UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export function nowIso(now: Date = new Date()): string {
  return now.toISOString()
}

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant (by default now: see today()). */
export function shanghaiDate(instant?: Date | string | number): string {
  if (instant === undefined) return today()
  return new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

const DAY_MS = 86_400_000
let currentDay = { date: '', from: 0, until: 0 }

/** Today in Asia/Shanghai, worked out once a day rather than on every request that needs it. */
function today(now = Date.now()): string {
  if (now < currentDay.from || now >= currentDay.until) {
    const from = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS
    currentDay = { date: new Date(from + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10), from, until: from + DAY_MS }
  }
  return currentDay.date
}

/** The UTC instant of a wall-clock time in Asia/Shanghai: ('2026-12-01', '09:30') → 2026-12-01T01:30:00.000Z. */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time}:00.000Z`) - SHANGHAI_OFFSET_MS)
}

/** Weekday of a calendar date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay()
  return day === 0 ? 7 : day
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function addMinutes(instant: Date | string, minutes: number): Date {
  return new Date(new Date(instant).getTime() + minutes * 60_000)
}

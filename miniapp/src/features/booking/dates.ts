/**
 * Calendar dates and times of day as people in M City read them: Beijing time (UTC+8, no daylight saving),
 * whatever time zone the phone is set to. Dates are `YYYY-MM-DD` like the API's. Pure: no Taro.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

const pad = (n: number) => String(n).padStart(2, '0')

function beijing(iso: string | number | Date): Date {
  const ms = typeof iso === 'number' ? iso : iso instanceof Date ? iso.getTime() : Date.parse(iso)
  return new Date(ms + BEIJING_OFFSET_MS)
}

/** The Beijing calendar date of an instant. */
export function beijingDateOf(instant: string | number | Date): string {
  const d = beijing(instant)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function beijingToday(now: Date = new Date()): string {
  return beijingDateOf(now)
}

export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS
  return new Date(ms).toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** 1 = Monday … 7 = Sunday, as the staff batch form and the API count them. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** 周一 … 周日 */
export function weekdayName(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!
}

/** 2026-12-01 → 12月1日 (with the year when it is not this year's). */
export function shortDate(date: string, today?: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const sameYear = !today || today.slice(0, 4) === date.slice(0, 4)
  return `${sameYear ? '' : `${year}年`}${month}月${day}日`
}

/** 今天 / 明天 / 后天 for the next days, otherwise nothing. */
export function relativeDay(date: string, today: string): string {
  return ['今天', '明天', '后天'][daysBetween(today, date)] ?? ''
}

/** 12月1日（周二）, or 11月30日（周一，后天） for the next few days: the way a date is said on the phone. */
export function dayText(date: string, today: string): string {
  const relative = relativeDay(date, today)
  return `${shortDate(date, today)}（${weekdayName(date)}${relative ? `，${relative}` : ''}）`
}

/** 09:30 (Beijing) */
export function timeOf(iso: string): string {
  const d = beijing(iso)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 09:00–09:30 */
export function timeRange(startsAt: string, endsAt: string): string {
  return `${timeOf(startsAt)}–${timeOf(endsAt)}`
}

/** 12月1日（周二）09:00–09:30: what, in one line, a booking's "when" is. */
export function whenText(startsAt: string, endsAt: string, today: string): string {
  return `${dayText(beijingDateOf(startsAt), today)} ${timeRange(startsAt, endsAt)}`
}

/** A Beijing date and wall-clock time (`HH:mm`) as the UTC instant the API wants. */
export function beijingInstant(date: string, time: string): string {
  return new Date(Date.parse(`${date}T${time}:00Z`) - BEIJING_OFFSET_MS).toISOString()
}

/** 2026-11-28T02:05:00Z → 11月28日 10:05: when cached data was saved, or a notification arrived. */
export function momentText(iso: string, today: string): string {
  const date = beijingDateOf(iso)
  const day = relativeDay(date, today) === '今天' ? '今天' : shortDate(date, today)
  return `${day} ${timeOf(iso)}`
}

/**
 * Calendar dates and wall-clock times as people in M City read them: Beijing time (Asia/Shanghai), whatever time
 * zone the server or the phone is set to. Dates are `YYYY-MM-DD` and times of day `HH:mm`, like the API's.
 * The one home of this arithmetic for the BFF and the mini-program; wording ("12月1日（周二）") stays with the UI.
 */

/** Asia/Shanghai has had no daylight saving time since 1991: it is always UTC+8. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** A moment in time: an ISO string (as the API sends), a Date, or epoch milliseconds. */
export type Instant = string | number | Date

/** What a clock on the wall in Beijing shows at an instant. */
export interface BeijingClock {
  year: number
  /** 1 … 12 */
  month: number
  day: number
  hour: number
  minute: number
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const epochMs = (instant: Instant): number =>
  typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Date.parse(instant)

export function beijingClock(instant: Instant): BeijingClock {
  // Shifted by eight hours, the UTC fields of the instant are Beijing's wall clock.
  const shifted = new Date(epochMs(instant) + BEIJING_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes()
  }
}

/** The Beijing calendar date of an instant: 2026-11-30T23:30:00Z → 2026-12-01. */
export function beijingDateOf(instant: Instant): string {
  const { year, month, day } = beijingClock(instant)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** The Beijing time of day of an instant: 2026-12-01T01:30:00Z → 09:30. */
export function beijingTimeOf(instant: Instant): string {
  const { hour, minute } = beijingClock(instant)
  return `${pad(hour)}:${pad(minute)}`
}

/** Today's date in Beijing. */
export function beijingToday(now: Date = new Date()): string {
  return beijingDateOf(now)
}

/**
 * The instant (ISO, as the API wants it) of a Beijing date and wall-clock time: ('2026-12-01', '09:30') →
 * 2026-12-01T01:30:00.000Z; without a time, the start of that day. Throws a RangeError for a date or time that
 * does not parse.
 */
export function beijingInstant(date: string, time = '00:00'): string {
  return new Date(Date.parse(`${date}T${time}:00.000Z`) - BEIJING_OFFSET_MS).toISOString()
}

/** A calendar date some days later (or earlier, with a negative count). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS)
}

/** Weekday of a calendar date, 1 = Monday … 7 = Sunday, as the API and the staff batch form count them. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay()
  return day === 0 ? 7 : day
}

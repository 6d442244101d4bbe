import type { SlaState } from '@veterans/shared'
import { addDays, isoWeekday, shanghaiDate, shanghaiInstant } from '../../lib/time'
import { holidayCalendar, type HolidayCalendar } from '../booking/calendar'

// The reply promise of the inbox: one working day, counted in working hours (Mon–Fri 09:00–17:00 Beijing time;
// public holidays off, make-up working days 调休上班 on, from config/holidays.json through booking's loader).

const HOUR_MS = 3_600_000
/** One working day. */
export const SLA_WORKING_MS = 8 * HOUR_MS
/** A wait is "due soon" this close to its due time, counted in working time. */
export const DUE_SOON_WORKING_MS = 2 * HOUR_MS
const DAY_OPENS = '09:00'
const DAY_CLOSES = '17:00'
/** Far more than any run of days off: a calendar without working days cannot loop forever. */
const MAX_DAYS = 366

export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  const kind = cal.kindOf(date)
  if (kind === 'holiday') return false
  if (kind === 'makeup_workday') return true
  return isoWeekday(date) <= 5
}

interface Day {
  /** The working hours as [opens, closes) in epoch ms, or null on a day off. */
  window: [number, number] | null
  /** The next calendar date, and the instant it begins. */
  next: string
  nextStarts: number
}

// Every post and every staff frame works out SLA times from the same few dates: each date's working hours are
// worked out once per calendar (a calendar never changes; a new one gets its own cache).
const daysByCalendar = new WeakMap<HolidayCalendar, Map<string, Day>>()
/** Dates kept per calendar before the cache starts over (far more than any wait spans). */
const MAX_CACHED_DAYS = 1024

function dayOf(date: string, cal: HolidayCalendar): Day {
  let days = daysByCalendar.get(cal)
  if (!days) daysByCalendar.set(cal, (days = new Map<string, Day>()))
  let day = days.get(date)
  if (!day) {
    if (days.size >= MAX_CACHED_DAYS) days.clear()
    const next = addDays(date, 1)
    day = {
      window: isWorkingDay(date, cal)
        ? [shanghaiInstant(date, DAY_OPENS).getTime(), shanghaiInstant(date, DAY_CLOSES).getTime()]
        : null,
      next,
      nextStarts: shanghaiInstant(next).getTime()
    }
    days.set(date, day)
  }
  return day
}

/** The instant `workingMs` of working time after `from` (from itself may be outside working hours). */
export function addWorkingTime(from: string, workingMs: number, cal: HolidayCalendar = holidayCalendar()): string {
  let at = Date.parse(from)
  let left = workingMs
  let date = shanghaiDate(at)
  for (let i = 0; i < MAX_DAYS; i++) {
    const { window, next } = dayOf(date, cal)
    date = next
    if (!window) continue
    const start = Math.max(at, window[0])
    if (start >= window[1]) continue
    if (start + left <= window[1]) return new Date(start + left).toISOString()
    left -= window[1] - start
    at = window[1]
  }
  throw new Error('holiday calendar has no working day within a year')
}

/** Working time between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(from: string, to: string, cal: HolidayCalendar = holidayCalendar()): number {
  const start = Date.parse(from)
  const end = Date.parse(to)
  let total = 0
  for (let date = shanghaiDate(start), i = 0; i < MAX_DAYS * 5; i++) {
    const { window, next, nextStarts } = dayOf(date, cal)
    if (window) total += Math.max(0, Math.min(end, window[1]) - Math.max(start, window[0]))
    if (nextStarts >= end) break
    date = next
  }
  return total
}

/** When a wait that began at `waitingSince` must be answered. */
export function slaDueAt(waitingSince: string, cal: HolidayCalendar = holidayCalendar()): string {
  return addWorkingTime(waitingSince, SLA_WORKING_MS, cal)
}

/** ok, due soon (≤ 2 working hours left) or breached, at `now`. */
export function slaStateAt(dueAt: string, now: string, cal: HolidayCalendar = holidayCalendar()): SlaState {
  if (Date.parse(now) >= Date.parse(dueAt)) return 'breached'
  return workingTimeBetween(now, dueAt, cal) <= DUE_SOON_WORKING_MS ? 'due_soon' : 'ok'
}

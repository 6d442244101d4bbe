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

/** The working hours of a date as [opens, closes) in epoch ms, or null on a day off. */
function workingWindow(date: string, cal: HolidayCalendar): [number, number] | null {
  if (!isWorkingDay(date, cal)) return null
  return [shanghaiInstant(date, DAY_OPENS).getTime(), shanghaiInstant(date, DAY_CLOSES).getTime()]
}

/** The instant `workingMs` of working time after `from` (from itself may be outside working hours). */
export function addWorkingTime(from: string, workingMs: number, cal: HolidayCalendar = holidayCalendar()): string {
  let at = Date.parse(from)
  let left = workingMs
  let date = shanghaiDate(at)
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    const window = workingWindow(date, cal)
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
  for (let date = shanghaiDate(start), i = 0; i < MAX_DAYS * 5; date = addDays(date, 1), i++) {
    const window = workingWindow(date, cal)
    if (window) total += Math.max(0, Math.min(end, window[1]) - Math.max(start, window[0]))
    if (shanghaiInstant(addDays(date, 1)).getTime() >= end) break
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

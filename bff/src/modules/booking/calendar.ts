import { readFileSync } from 'node:fs'
import path from 'node:path'
import { addDays, isoWeekday } from '../../lib/time'
import { CONFIG_DIR } from '../../paths'

/** config/holidays.json: public holidays (放假) and make-up working days (调休上班) by year. */
interface HolidayFile {
  years: Record<
    string,
    { holidays: { name: string; from: string; to: string }[]; makeupWorkdays: { name: string; date: string }[] }
  >
}

export const HOLIDAYS_FILE = path.join(CONFIG_DIR, 'holidays.json')

export type DayKind = 'holiday' | 'makeup_workday' | 'normal'

export interface HolidayCalendar {
  kindOf(date: string): DayKind
}

function loadHolidayCalendar(file: string): HolidayCalendar {
  const data = JSON.parse(readFileSync(file, 'utf8')) as HolidayFile
  const kinds = new Map<string, DayKind>()
  for (const year of Object.values(data.years)) {
    for (const range of year.holidays) {
      for (let d = range.from; d <= range.to; d = addDays(d, 1)) kinds.set(d, 'holiday')
    }
    for (const day of year.makeupWorkdays) kinds.set(day.date, 'makeup_workday')
  }
  return { kindOf: (date) => kinds.get(date) ?? 'normal' }
}

let calendar: HolidayCalendar | null = null
export function holidayCalendar(): HolidayCalendar {
  calendar ??= loadHolidayCalendar(HOLIDAYS_FILE)
  return calendar
}

const WORKING_WEEKDAYS = [1, 2, 3, 4, 5]

export interface ScheduleDays {
  dates: string[]
  skippedHolidays: string[]
  makeupWorkdays: string[]
}

/**
 * The dates from..to on which a weekly pattern runs. Public holidays are skipped. A make-up working day
 * (调休上班, often a Saturday or Sunday) is a working day: a pattern that runs on any of Monday–Friday runs on it
 * too, as on a normal weekday, since the center is staffed that day.
 */
export function scheduleDays(
  from: string,
  to: string,
  weekdays: readonly number[],
  cal: HolidayCalendar = holidayCalendar()
): ScheduleDays {
  const out: ScheduleDays = { dates: [], skippedHolidays: [], makeupWorkdays: [] }
  const worksOnWeekdays = weekdays.some((d) => WORKING_WEEKDAYS.includes(d))
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const kind = cal.kindOf(date)
    const weekday = isoWeekday(date)
    if (kind === 'holiday') {
      if (weekdays.includes(weekday)) out.skippedHolidays.push(date)
      continue
    }
    if (weekdays.includes(weekday)) out.dates.push(date)
    else if (kind === 'makeup_workday' && worksOnWeekdays) {
      out.dates.push(date)
      out.makeupWorkdays.push(date)
    }
  }
  return out
}

/** '09:00-09:30' → ['09:00', '09:30'], or null when the end is not after the start. */
export function parseTimeRange(range: string): [string, string] | null {
  const [start, end] = range.split('-') as [string, string]
  return end > start ? [start, end] : null
}

const WEEKDAY_CHARS = '一二三四五六日'

/**
 * The weekdays a center is open, read from its opening hours (周一至周五 …, 周二至周六 …); Monday–Friday when the
 * text names no range.
 */
export function openWeekdays(openingHours: string): number[] {
  const match = /周([一二三四五六日])至周([一二三四五六日])/.exec(openingHours)
  if (!match) return [...WORKING_WEEKDAYS]
  const first = WEEKDAY_CHARS.indexOf(match[1]!) + 1
  const last = WEEKDAY_CHARS.indexOf(match[2]!) + 1
  const days: number[] = []
  for (let d = first; d <= last; d++) days.push(d)
  return days
}

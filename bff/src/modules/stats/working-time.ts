import { holidayCalendar, type HolidayCalendar } from '../booking/calendar'
import { isWorkingDay } from '../messaging/sla'
import { addDays, shanghaiInstant } from '../../lib/time'

// The dashboard measures many waits at once (a year's threads): rather than walking the calendar for each, it
// counts the working time from one anchor to every instant, so a wait is a subtraction. Working hours are the
// inbox's own (messaging/sla.ts: Mon–Fri 09:00–17:00 Beijing time, holidays off, make-up working days on).

const DAY_MS = 86_400_000
const BEIJING_OFFSET_MS = 8 * 3_600_000
const OPENS_MS = 9 * 3_600_000
const WORKING_DAY_MS = 8 * 3_600_000

/** Days since the epoch of an instant's Beijing calendar date. */
function beijingDay(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS)
}

/** Working milliseconds between two ISO instants, for instants from `firstDate` on (later ones extend the table). */
export function workingTimeMeter(firstDate: string, cal: HolidayCalendar = holidayCalendar()) {
  const firstDay = beijingDay(shanghaiInstant(firstDate).getTime())
  // before[i]: working ms from the anchor to the start of day firstDay + i; works[i]: whether that day is worked.
  const before: number[] = [0]
  const works: boolean[] = []
  let lastDate = firstDate
  const extendTo = (index: number) => {
    while (works.length <= index) {
      const date = works.length === 0 ? firstDate : (lastDate = addDays(lastDate, 1))
      const worked = isWorkingDay(date, cal)
      works.push(worked)
      before.push(before[before.length - 1]! + (worked ? WORKING_DAY_MS : 0))
    }
  }
  const sinceAnchor = (ms: number) => {
    const index = Math.max(0, beijingDay(ms) - firstDay)
    extendTo(index)
    if (!works[index]) return before[index]!
    const opens = (firstDay + index) * DAY_MS - BEIJING_OFFSET_MS + OPENS_MS
    return before[index]! + Math.min(WORKING_DAY_MS, Math.max(0, ms - opens))
  }
  return (from: string, to: string) => Math.max(0, sinceAnchor(Date.parse(to)) - sinceAnchor(Date.parse(from)))
}

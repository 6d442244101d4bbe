import { beijingDateOf, beijingTimeOf, daysBetween, isoWeekday } from '@veterans/shared/rules'

/**
 * Dates and times of day said the way people in M City say them, in Beijing time whatever zone the phone is set
 * to. The arithmetic (Beijing dates, instants, adding days) is @veterans/shared's; this is only the wording.
 */
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** 周一 … 周日 */
export function weekdayName(date: string): string {
  return WEEKDAYS[isoWeekday(date) - 1]!
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

/** 09:00–09:30 (Beijing) */
export function timeRange(startsAt: string, endsAt: string): string {
  return `${beijingTimeOf(startsAt)}–${beijingTimeOf(endsAt)}`
}

/** 12月1日（周二）09:00–09:30: what, in one line, a booking's "when" is. */
export function whenText(startsAt: string, endsAt: string, today: string): string {
  return `${dayText(beijingDateOf(startsAt), today)} ${timeRange(startsAt, endsAt)}`
}

/** 2026-11-28T02:05:00Z → 11月28日 10:05: when cached data was saved, or a notification arrived. */
export function momentText(iso: string, today: string): string {
  const date = beijingDateOf(iso)
  const day = relativeDay(date, today) === '今天' ? '今天' : shortDate(date, today)
  return `${day} ${beijingTimeOf(iso)}`
}

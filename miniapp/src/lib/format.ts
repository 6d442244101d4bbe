/** Formatting for people in M City: times in Beijing time (the arithmetic is @veterans/shared's), written the Chinese way. */
import { beijingClock, beijingDateOf, beijingTimeOf } from '@veterans/shared/rules'

/** 2026-12-01T01:30:00.000Z → 2026年12月1日 09:30 */
export function formatDateTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  return `${formatDate(iso)} ${beijingTimeOf(iso)}`
}

/** 2026-12-01T01:30:00.000Z → 2026年12月1日 */
export function formatDate(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  return formatCalendarDate(beijingDateOf(iso))
}

/** 2025-03-01 → 2025年3月1日 (a calendar date, no time zone involved). */
export function formatCalendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date
}

/** An invite code shown in two groups of four, easier to read aloud over the phone: ABCD EFGH. */
export function groupCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}

/** Greeting by the hour in Beijing time. */
export function greetingFor(now: Date): string {
  const { hour } = beijingClock(now)
  if (hour < 5) return '您好'
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

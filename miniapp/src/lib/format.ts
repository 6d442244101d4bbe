/** Formatting for people in M City: times in Beijing time (UTC+8, no daylight saving), written the Chinese way. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

function beijingParts(iso: string) {
  const date = new Date(Date.parse(iso) + BEIJING_OFFSET_MS)
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes()
  }
}

/** 2026-12-01T01:30:00.000Z → 2026年12月1日 09:30 */
export function formatDateTime(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  const p = beijingParts(iso)
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** 2026-12-01T01:30:00.000Z → 2026年12月1日 */
export function formatDate(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  const p = beijingParts(iso)
  return `${p.year}年${p.month}月${p.day}日`
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
  const hour = beijingParts(now.toISOString()).hour
  if (hour < 5) return '您好'
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

import type { CalendarDay } from './calendar'

// The day chosen on 选择时间 lives in the page's address (&date=YYYY-MM-DD), so a reload (or a link) opens on it.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date written YYYY-MM-DD. */
function isRealDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * The day named in the address, if it can be shown: a real date, not before today and, once the calendar is
 * known, one of its days that has slots. Anything else is ignored (the page opens on the first day with places).
 */
export function dayFromAddress(
  value: string | undefined,
  today: string,
  calendar?: readonly Pick<CalendarDay, 'date' | 'state'>[]
): string | undefined {
  if (!value || !isRealDate(value) || value < today) return undefined
  if (calendar && !calendar.some((day) => day.date === value && day.state !== 'none')) return undefined
  return value
}

/** `search` (?a=1&b=2) with `name` set to `value`, other parameters kept in their order. */
export function searchWith(search: string, name: string, value: string): string {
  const params = new URLSearchParams(search)
  params.set(name, value)
  return `?${params.toString()}`
}

/**
 * Browser: writes the chosen day into the current address without a new history entry (返回 still leaves the
 * page at once) and without the router noticing (the page stays as it is). WeChat pages have no address to keep.
 */
export function keepDayInAddress(date: string): void {
  if (process.env.TARO_ENV !== 'h5') return
  const { pathname, search, hash } = window.location
  const next = searchWith(search, 'date', date)
  if (next === search) return
  window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`)
}

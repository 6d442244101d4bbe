import { fieldError } from '../../lib/app-error'
import { addDays, daysBetween, shanghaiInstant } from '../../lib/time'

/** The longest period the dashboard answers for: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366

export interface Period {
  from: string
  to: string
  /** Every date of the period, in order. */
  dates: string[]
  /** [start, end) of the period in UTC ISO instants: Beijing midnight of `from` to Beijing midnight after `to`. */
  startsAt: string
  endsAt: string
}

/** Checks a period (from ≤ to, at most a year) and works out its instants; 400 naming the field otherwise. */
export function periodOf(from: string, to: string): Period {
  if (from > to) throw fieldError('querystring.to', '结束日期不能早于开始日期')
  const days = daysBetween(from, to) + 1
  if (days > MAX_PERIOD_DAYS) throw fieldError('querystring.to', `统计期间最长 ${MAX_PERIOD_DAYS} 天`)
  const dates: string[] = []
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date)
  return {
    from,
    to,
    dates,
    startsAt: shanghaiInstant(from).toISOString(),
    endsAt: shanghaiInstant(addDays(to, 1)).toISOString()
  }
}

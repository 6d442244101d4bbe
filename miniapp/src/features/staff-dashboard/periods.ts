import { addDays } from '@veterans/shared/rules'

// The dashboard's period: 近7天, 近30天, 本月, or from–to. Pure, so the dates are tested without a clock.

export type PeriodKind = 'week' | 'month30' | 'thisMonth' | 'custom'

export const PERIOD_CHOICES: ReadonlyArray<{ value: PeriodKind; label: string }> = [
  { value: 'week', label: '近7天' },
  { value: 'month30', label: '近30天' },
  { value: 'thisMonth', label: '本月' },
  { value: 'custom', label: '自定义' }
]

/** The server refuses longer periods. */
export const MAX_PERIOD_DAYS = 366

export interface Period {
  from: string
  to: string
}

/** The dates of a chosen period, today (Beijing) included; `custom` keeps what was typed. */
export function periodDates(kind: PeriodKind, today: string, custom: Period): Period {
  if (kind === 'week') return { from: addDays(today, -6), to: today }
  if (kind === 'month30') return { from: addDays(today, -29), to: today }
  if (kind === 'thisMonth') return { from: `${today.slice(0, 7)}-01`, to: today }
  return custom
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/** Days from `from` to `to`, both included. */
export function daysIn(period: Period): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1
}

/** Why a typed period cannot be shown (in words for the field), or null when it can. */
export function periodProblem(period: Period): string | null {
  if (!period.from || !period.to) return '请选择开始和结束日期'
  if (period.from > period.to) return '开始日期不能晚于结束日期'
  if (daysIn(period) > MAX_PERIOD_DAYS) return `一次最多统计 ${MAX_PERIOD_DAYS} 天，请缩短时间段`
  return null
}

/** The period in words, for headings and summaries: 2026年12月1日至5日. */
export function periodText(period: Period): string {
  const [fy, fm, fd] = period.from.split('-').map(Number)
  const [ty, tm, td] = period.to.split('-').map(Number)
  if (period.from === period.to) return `${fy}年${fm}月${fd}日`
  if (fy === ty) return `${fy}年${fm}月${fd}日至${tm}月${td}日`
  return `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`
}

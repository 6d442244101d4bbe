import type { Stats } from '@veterans/shared'
import { VETERAN_CATEGORIES } from '@veterans/shared/topics'

// What the dashboard shows, worked out from the figures: the tiles, and each chart's data and its summary in words
// (the chart's accessible name, for people who cannot see the drawing). Pure, so it is unit-tested.

export interface Tile {
  label: string
  value: string
  hint?: string
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)
// Under a minute of working time (a reply sent outside working hours to a question also asked then counts 0):
// "不足 1 分钟", not a "0 分钟" that reads as instant.
const minutes = (value: number | null) =>
  value === null ? '—' : value < 1 ? '不足 1 分钟' : `${Math.round(value)} 分钟`
const average = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} 分`)

const within90 = (value: number | null) =>
  value !== null && value < 1 ? '90% 不足 1 分钟' : `90% 在 ${minutes(value)}内`

/** The figures as tiles, in the order a manager reads them. */
export function figureTiles(stats: Stats): Tile[] {
  const { bookings, messages, notices } = stats
  return [
    { label: '预约总数', value: `${bookings.total}` },
    { label: '爽约率', value: percent(bookings.noShowRate), hint: '未到 ÷ 应到（已办结和未到）' },
    { label: '平均评分', value: average(bookings.avgRating), hint: '满分 5 分' },
    { label: '留言咨询', value: `${messages.threads} 条` },
    {
      label: '首次回复用时',
      value: `中位 ${minutes(messages.firstResponseMinutesP50)}`,
      hint: `${within90(messages.firstResponseMinutesP90)}（按工作时间计，工作时间以外的等待不算）`
    },
    { label: '超时未回复', value: `${messages.slaBreaches} 条` },
    { label: '发出通知', value: `${notices.sent} 条` },
    { label: '通知阅读率', value: percent(notices.readRate) }
  ]
}

export interface ChartRow {
  label: string
  count: number
}

export interface ChartData {
  title: string
  kind: 'line' | 'bars' | 'columns'
  /** The column headings of the hidden table. */
  columns: [string, string]
  rows: ChartRow[]
  /** The figures in one or two sentences. */
  summary: string
}

/** "12月3日" from 2026-12-03. */
export const shortDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

function topList(rows: ChartRow[], unit: string, shown = 5): string {
  const sorted = [...rows].filter((row) => row.count > 0).sort((a, b) => b.count - a.count)
  if (sorted.length === 0) return '都为 0'
  const parts = sorted.slice(0, shown).map((row) => `${row.label} ${row.count} ${unit}`)
  return sorted.length > shown ? `${parts.join('，')}，其余 ${sorted.length - shown} 项较少` : parts.join('，')
}

export function bookingsByDay(stats: Stats): ChartData {
  const rows = stats.bookings.byDay.map((day) => ({ label: shortDate(day.date), count: day.count }))
  const busiest = rows.reduce<ChartRow | null>((best, row) => (!best || row.count > best.count ? row : best), null)
  const summary =
    rows.length === 0 || !busiest || busiest.count === 0
      ? `每日预约量：${rows.length} 天里都没有预约。`
      : `每日预约量：${rows.length} 天共 ${stats.bookings.total} 个预约，最多的一天是${busiest.label}，${busiest.count} 个；` +
        `第一天 ${rows[0]!.count} 个，最后一天 ${rows[rows.length - 1]!.count} 个。`
  return { title: '每日预约量', kind: 'line', columns: ['日期', '预约数'], rows, summary }
}

export function bookingsByService(stats: Stats): ChartData {
  const rows = stats.bookings.byService.map((s) => ({ label: s.name, count: s.count }))
  return {
    title: '各项服务的预约量',
    kind: 'bars',
    columns: ['服务', '预约数'],
    rows,
    summary: `各项服务的预约量：${topList(rows, '个')}。`
  }
}

export function ratingDistribution(stats: Stats): ChartData {
  const counts = new Map(stats.bookings.ratingDistribution.map((r) => [r.score, r.count]))
  const rows = [5, 4, 3, 2, 1].map((score) => ({ label: `${score} 分`, count: counts.get(score) ?? 0 }))
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  const summary =
    total === 0
      ? '评分分布：这段时间没有评分。'
      : `评分分布：共 ${total} 个评分，平均 ${average(stats.bookings.avgRating)}；` +
        rows.map((row) => `${row.label} ${row.count} 个`).join('，') +
        '。'
  return { title: '评分分布（好差评）', kind: 'columns', columns: ['评分', '个数'], rows, summary }
}

export function veteransByDistrict(stats: Stats): ChartData {
  const rows = stats.veterans.byDistrict.map((d) => ({ label: d.name, count: d.count }))
  return {
    title: '各区退役军人人数',
    kind: 'bars',
    columns: ['区', '人数'],
    rows,
    summary: `各区退役军人人数，共 ${stats.veterans.total} 人：${topList(rows, '人', 8)}。`
  }
}

export function veteransByCategory(stats: Stats): ChartData {
  const rows = stats.veterans.byCategory.map((c) => ({ label: VETERAN_CATEGORIES[c.category], count: c.count }))
  return {
    title: '退役军人类别',
    kind: 'bars',
    columns: ['类别', '人数'],
    rows,
    summary: `退役军人类别，共 ${stats.veterans.total} 人：${topList(rows, '人')}。`
  }
}

/** Every chart of the dashboard, in page order. */
export function dashboardCharts(stats: Stats): ChartData[] {
  return [
    bookingsByDay(stats),
    bookingsByService(stats),
    ratingDistribution(stats),
    veteransByDistrict(stats),
    veteransByCategory(stats)
  ]
}

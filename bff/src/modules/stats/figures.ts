import type { Stats, VeteranCategory } from '@veterans/shared'
import { VETERAN_CATEGORY_CODES } from '@veterans/shared'
import type { BookingDay, ThreadFigures } from './repo'

// Pure arithmetic from the grouped rows to the contract's figures: the SQL counts, this adds up and divides.

/** Rates and averages to four decimals, minutes to one: enough for a chart, stable for a test. */
const round = (value: number, decimals: number) => Number(value.toFixed(decimals))

export function bookingFigures(
  days: BookingDay[],
  dates: string[],
  services: { id: string; name: string; sortOrder: number }[]
): Stats['bookings'] {
  const byDay = new Map(dates.map((date) => [date, 0]))
  const byService = new Map<string, number>()
  const rated = [0, 0, 0, 0, 0]
  let total = 0
  let completed = 0
  let noShows = 0
  for (const day of days) {
    completed += day.completed
    noShows += day.noShows
    day.rated.forEach((count, i) => (rated[i]! += count))
    // A row of cancelled bookings only (all zero) names no service in the chart.
    if (day.bookings === 0) continue
    total += day.bookings
    byDay.set(day.day, (byDay.get(day.day) ?? 0) + day.bookings)
    byService.set(day.serviceId, (byService.get(day.serviceId) ?? 0) + day.bookings)
  }
  const ratings = rated.reduce((sum, count) => sum + count, 0)
  const scoreSum = rated.reduce((sum, count, i) => sum + (i + 1) * count, 0)
  return {
    total,
    byService: services
      .filter((s) => byService.has(s.id))
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((s) => ({ serviceId: s.id, name: s.name, count: byService.get(s.id)! })),
    byDay: dates.map((date) => ({ date, count: byDay.get(date) ?? 0 })),
    noShowRate: completed + noShows > 0 ? round(noShows / (completed + noShows), 4) : null,
    avgRating: ratings > 0 ? round(scoreSum / ratings, 2) : null,
    ratingDistribution: rated.map((count, i) => ({ score: i + 1, count }))
  }
}

/** The nearest rank (0-based) of the p-th percentile among n values: the smallest with at least p at or below it. */
export const percentileRank = (n: number, p: number) => Math.max(0, Math.ceil(p * n) - 1)

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[percentileRank(sorted.length, p)]!
}

/**
 * The message figures when every answered thread of the period has its first wait measured: the database picks
 * the two ranked waits, nothing is read row by row. The same numbers as messageFigures over the same threads.
 */
export async function measuredMessageFigures(
  summary: { threads: number; slaBreaches: number; measured: number },
  waitAtRank: (rank: number) => Promise<number>
): Promise<Stats['messages']> {
  const at = async (p: number) =>
    summary.measured > 0 ? round(await waitAtRank(percentileRank(summary.measured, p)), 1) : null
  return {
    threads: summary.threads,
    firstResponseMinutesP50: await at(0.5),
    firstResponseMinutesP90: await at(0.9),
    slaBreaches: summary.slaBreaches
  }
}

export function messageFigures(
  threads: ThreadFigures[],
  workingMsBetween: (from: string, to: string) => number
): Stats['messages'] {
  const waits: number[] = []
  let slaBreaches = 0
  for (const thread of threads) {
    slaBreaches += thread.slaBreaches
    if (thread.firstResponseMinutes !== null) waits.push(thread.firstResponseMinutes)
    else if (thread.firstResponseAt) waits.push(workingMsBetween(thread.createdAt, thread.firstResponseAt) / 60_000)
  }
  waits.sort((a, b) => a - b)
  const p50 = percentile(waits, 0.5)
  const p90 = percentile(waits, 0.9)
  return {
    threads: threads.length,
    firstResponseMinutesP50: p50 === null ? null : round(p50, 1),
    firstResponseMinutesP90: p90 === null ? null : round(p90, 1),
    slaBreaches
  }
}

export function veteranFigures(
  groups: { code: string; name: string; sortOrder: number; category: VeteranCategory; count: number }[]
): Stats['veterans'] {
  const districts = new Map<string, { code: string; name: string; sortOrder: number; count: number }>()
  const categories = new Map<VeteranCategory, number>()
  let total = 0
  for (const g of groups) {
    total += g.count
    const district = districts.get(g.code) ?? { code: g.code, name: g.name, sortOrder: g.sortOrder, count: 0 }
    district.count += g.count
    districts.set(g.code, district)
    categories.set(g.category, (categories.get(g.category) ?? 0) + g.count)
  }
  return {
    total,
    byDistrict: [...districts.values()]
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
      .map(({ code, name, count }) => ({ code, name, count })),
    byCategory: VETERAN_CATEGORY_CODES.map((category) => ({ category, count: categories.get(category) ?? 0 }))
  }
}

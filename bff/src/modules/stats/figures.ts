import type { Stats, VeteranCategory } from '@veterans/shared'
import { VETERAN_CATEGORY_CODES } from '@veterans/shared'
import { addDays } from '../../lib/time'
import type { BookingGroup, ThreadFigures } from './repo'

// Pure arithmetic from the grouped rows to the contract's figures: the SQL counts, this adds up and divides.

/** Rates and averages to four decimals, minutes to one: enough for a chart, stable for a test. */
const round = (value: number, decimals: number) => Number(value.toFixed(decimals))

export function bookingFigures(
  groups: BookingGroup[],
  dates: string[],
  services: { id: string; name: string; sortOrder: number }[],
  ratings: { score: number; count: number }[]
): Stats['bookings'] {
  const byDay = new Map(dates.map((date) => [date, 0]))
  const byService = new Map<string, number>()
  let total = 0
  let completed = 0
  let noShows = 0
  for (const group of groups) {
    if (group.status === 'completed') completed += group.count
    if (group.status === 'no_show') noShows += group.count
    // A cancelled booking is no visit: it counts in no figure.
    if (group.status === 'cancelled') continue
    total += group.count
    const date = group.lateInUtcDay ? addDays(group.utcDate, 1) : group.utcDate
    byDay.set(date, (byDay.get(date) ?? 0) + group.count)
    byService.set(group.serviceId, (byService.get(group.serviceId) ?? 0) + group.count)
  }
  const rated = ratings.reduce((sum, r) => sum + r.count, 0)
  const scoreSum = ratings.reduce((sum, r) => sum + r.score * r.count, 0)
  return {
    total,
    byService: services
      .filter((s) => byService.has(s.id))
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((s) => ({ serviceId: s.id, name: s.name, count: byService.get(s.id)! })),
    byDay: dates.map((date) => ({ date, count: byDay.get(date) ?? 0 })),
    noShowRate: completed + noShows > 0 ? round(noShows / (completed + noShows), 4) : null,
    avgRating: rated > 0 ? round(scoreSum / rated, 2) : null,
    ratingDistribution: [1, 2, 3, 4, 5].map((score) => ({
      score,
      count: ratings.find((r) => r.score === score)?.count ?? 0
    }))
  }
}

/** The nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}

export function messageFigures(
  threads: ThreadFigures[],
  workingMsBetween: (from: string, to: string) => number
): Stats['messages'] {
  const waits: number[] = []
  let slaBreaches = 0
  for (const thread of threads) {
    slaBreaches += thread.slaBreaches
    if (thread.firstResponseAt) waits.push(workingMsBetween(thread.createdAt, thread.firstResponseAt) / 60_000)
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

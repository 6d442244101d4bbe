import type { RegistryExportQuery, VeteranQuery } from '@veterans/shared'
import type { VeteranCategory, VeteranStatus } from '@veterans/shared/topics'
import { beijingToday } from '@veterans/shared/rules'

export const PAGE_SIZE = 20

/** What the registry list is filtered by; empty means any. */
export interface RegistryFilters {
  q: string
  districtCode: string
  category: VeteranCategory | ''
  status: VeteranStatus | ''
}

export const NO_FILTERS: RegistryFilters = { q: '', districtCode: '', category: '', status: '' }

function filterPart(filters: RegistryFilters) {
  return {
    q: filters.q.trim() || undefined,
    districtCode: filters.districtCode || undefined,
    category: filters.category || undefined,
    status: filters.status || undefined
  }
}

/** The request for one page of the list. */
export function veteranQuery(filters: RegistryFilters, cursor?: string): VeteranQuery {
  return { ...filterPart(filters), limit: PAGE_SIZE, cursor }
}

/** The export of everything the list shows now (all pages, masked). */
export function exportQuery(filters: RegistryFilters, format: 'csv' | 'xlsx'): RegistryExportQuery {
  return { format, ...filterPart(filters) }
}

/** 退役军人信息-2026-12-05.xlsx: the day in Beijing, so files of different days sort and do not overwrite. */
export function exportFileName(format: 'csv' | 'xlsx', now: Date = new Date()): string {
  return `退役军人信息-${beijingToday(now)}.${format}`
}

/** Whether a search looks like the last characters of an ID number (the server then matches the ID tail). */
export const looksLikeIdTail = (q: string): boolean => /^\d{3}[\dXx]$/.test(q.trim())

/** Where the list is: "第 21–40 条，共 57 条" (or that nothing matches). */
export function pageSummary(total: number, pageIndex: number, shown: number): string {
  if (total === 0 || shown === 0) return '共 0 条'
  const first = pageIndex * PAGE_SIZE + 1
  return `第 ${first}–${first + shown - 1} 条，共 ${total} 条`
}

/**
 * The cursors of the pages seen so far (page 1 has none): 下一页 pushes the answer's nextCursor, 上一页 goes back
 * one. The server pages by cursor, so going back reuses the cursor that led to that page.
 */
export interface PageTrail {
  cursors: Array<string | undefined>
  index: number
}

export const FIRST_PAGE: PageTrail = { cursors: [undefined], index: 0 }

export function nextPage(trail: PageTrail, nextCursor: string | null): PageTrail {
  if (!nextCursor) return trail
  const cursors = [...trail.cursors.slice(0, trail.index + 1), nextCursor]
  return { cursors, index: trail.index + 1 }
}

export function previousPage(trail: PageTrail): PageTrail {
  return trail.index === 0 ? trail : { cursors: trail.cursors, index: trail.index - 1 }
}

export const currentCursor = (trail: PageTrail): string | undefined => trail.cursors[trail.index]

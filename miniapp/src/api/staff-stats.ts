import type { Stats, StatsQuery } from '@veterans/shared'
import { api } from './instance'
import { downloadStaffFile } from './staff-files'

/** The dashboard's figures (shared/openapi.json, tag "stats"): one period, one center or the whole city. */
export const staffStatsApi = {
  get: (query: StatsQuery) => api.get<Stats>('/staff/stats', { query: { ...query } }),
  /** The same figures as a CSV file (UTF-8 with BOM, one section per table), saved by the browser. */
  downloadCsv: (query: StatsQuery, fileName: string) => downloadStaffFile('/staff/stats.csv', { ...query }, fileName)
}

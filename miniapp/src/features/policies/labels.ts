import { POLICY_LEVELS, POLICY_VALIDITIES } from '@veterans/shared/topics'

export const LEVEL_LABELS = POLICY_LEVELS
export const VALIDITY_LABELS = POLICY_VALIDITIES

/** 2025-03-01 → 2025年3月1日 (a calendar date, no time zone involved). */
export function formatCalendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date
}

import type { StaffPolicyQuery } from '@veterans/shared'
import type { StaffListState } from './labels'

export const STAFF_LIST_PAGE_SIZE = 20

/**
 * The request for one tab of 政策发布. 已发布 is what is still on the books (in force, not yet in force, lapsed or
 * replaced); a repealed policy is still published in the workflow, but staff look for it under 已废止, not there.
 */
export function staffListQuery(state: StaffListState, q: string): StaffPolicyQuery {
  const base = { q: q || undefined, limit: STAFF_LIST_PAGE_SIZE }
  if (state === 'repealed') return { ...base, workflow: 'published', validity: 'repealed' }
  if (state === 'published') return { ...base, workflow: 'published', validity: 'not_repealed' }
  return { ...base, workflow: state }
}

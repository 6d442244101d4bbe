import type { PolicyQuery } from '@veterans/shared'
import { useState } from 'react'
import { policiesApi } from '../../api'
import { askedOf, queryOf, type SearchAnswer } from './search-answer'
import { NO_FILTERS, type SearchFilters } from './suggestions'
import { usePaged } from './use-paged'

export const PAGE_SIZE = 20

/**
 * The policy search: the submitted words and filters, the results so far, and "load more" by offset. Typing does
 * not search; submitting, tapping a chip or a recent search does. Without words it lists the policies in force.
 *
 * `answer` is the last search that completed, with what was asked for it; `current` says whether it answers the
 * search asked now (false while a new search runs or after it failed).
 */
export function usePolicySearch() {
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS)
  const query = queryOf({ q, filters }, PAGE_SIZE)
  const results = usePaged((offset) => policiesApi.search({ ...query, offset }), JSON.stringify(query))
  const answer: SearchAnswer | undefined =
    results.data && results.dataKey
      ? { ...askedOf(JSON.parse(results.dataKey) as PolicyQuery), result: results.data }
      : undefined
  return {
    q,
    filters,
    answer,
    current: results.current,
    searching: results.loading,
    error: results.error,
    retry: results.reload,
    hasMore: results.hasMore,
    loadMore: results.loadMore,
    search: (text: string, nextFilters: SearchFilters = filters) => {
      setQ(text.trim().replace(/\s+/g, ' '))
      setFilters(nextFilters)
    },
    setFilter: <K extends keyof SearchFilters>(name: K, value: SearchFilters[K]) =>
      setFilters((f) => ({ ...f, [name]: value }))
  }
}

import type { PolicyQuery } from '@veterans/shared'
import { useState } from 'react'
import { policiesApi } from '../../api'
import { NO_FILTERS, type SearchFilters } from './suggestions'
import { usePaged } from './use-paged'

export const PAGE_SIZE = 20

/**
 * The policy search: the submitted words and filters, the results so far, and "load more" by offset. Typing does
 * not search; submitting, tapping a chip or a recent search does. Without words it lists the policies in force.
 */
export function usePolicySearch() {
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS)
  const query: PolicyQuery = {
    q: q || undefined,
    category: filters.category || undefined,
    level: filters.level || undefined,
    validity: filters.validity,
    limit: PAGE_SIZE
  }
  const results = usePaged((offset) => policiesApi.search({ ...query, offset }), JSON.stringify(query))
  return {
    q,
    filters,
    result: results.data,
    /** True while a new search runs (earlier results stay on screen until it answers). */
    searching: results.loading,
    error: results.error,
    retry: results.reload,
    hasMore: results.hasMore,
    loadMore: results.loadMore,
    search: (text: string, nextFilters: SearchFilters = filters) => {
      setQ(text.trim().replace(/\s+/g, ' '))
      setFilters(nextFilters)
    },
    setFilter: <K extends keyof SearchFilters>(name: K, value: SearchFilters[K]) => setFilters((f) => ({ ...f, [name]: value }))
  }
}

import type { PolicyLevel, Topic } from '@veterans/shared'

export type ValidityChoice = 'in_force' | 'all' | 'expired' | 'repealed'

export interface SearchFilters {
  category: Topic | ''
  level: PolicyLevel | ''
  validity: ValidityChoice
}

export const NO_FILTERS: SearchFilters = { category: '', level: '', validity: 'in_force' }

/** A broader search to offer when nothing was found: what the button says, and the search it runs. */
export interface Suggestion {
  label: string
  q: string
  filters: SearchFilters
}

export const queryTerms = (q: string) => q.trim().split(/\s+/).filter(Boolean)

/**
 * Ways to widen a search that found nothing, most likely to help first: drop a filter, look at policies no longer
 * in force, drop one of several words, or try the first two characters of a long word (Chinese words are often
 * compounds: 优待证申领 → 优待).
 */
export function broaderSearches(
  q: string,
  filters: SearchFilters,
  names: { category?: string; level?: string }
): Suggestion[] {
  const suggestions: Suggestion[] = []
  if (filters.category)
    suggestions.push({
      label: `不限类别（去掉“${names.category ?? filters.category}”）`,
      q,
      filters: { ...filters, category: '' }
    })
  if (filters.level)
    suggestions.push({
      label: `不限层级（去掉“${names.level ?? filters.level}”）`,
      q,
      filters: { ...filters, level: '' }
    })
  if (filters.validity !== 'all')
    suggestions.push({ label: '也查已失效、已废止的政策', q, filters: { ...filters, validity: 'all' } })
  const terms = queryTerms(q)
  if (terms.length > 1) {
    for (const dropped of terms) {
      const rest = terms.filter((term) => term !== dropped).join(' ')
      suggestions.push({ label: `只搜“${rest}”`, q: rest, filters })
    }
  } else if (terms.length === 1 && [...terms[0]!].length >= 3 && /^[\u4e00-\u9fff]/.test(terms[0]!)) {
    const shorter = [...terms[0]!].slice(0, 2).join('')
    suggestions.push({ label: `试试更短的词“${shorter}”`, q: shorter, filters })
  }
  return suggestions
}

/**
 * The broader searches worth offering, once each one's count is known (`totals`, in the same order): those that
 * find something. Counts not known (the network failed) offer them all rather than none.
 */
export function worthTrying(suggestions: Suggestion[], totals: readonly number[] | undefined): Suggestion[] {
  if (!totals || totals.length !== suggestions.length) return suggestions
  return suggestions.filter((_, i) => totals[i]! > 0)
}

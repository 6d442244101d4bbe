import { TOPICS } from '@veterans/shared/topics'
import { policiesApi, useRequest } from '../../api'
import { ActionButton, Card, Paragraph } from '../../components'
import { askStaffAbout } from './ask-staff'
import { LEVEL_LABELS } from './labels'
import { queryOf } from './search-answer'
import { broaderSearches, worthTrying, type SearchFilters } from './suggestions'

/**
 * Nothing found (the line above the results already says so): what to try next — broader searches that run with
 * one tap (only those that find something: each is counted first), other words, and a person to ask.
 */
export function NoResults(props: {
  q: string
  filters: SearchFilters
  onSearch: (q: string, filters: SearchFilters) => void
}) {
  const { q, filters, onSearch } = props
  const broader = broaderSearches(q, filters, {
    category: filters.category ? TOPICS[filters.category] : undefined,
    level: filters.level ? LEVEL_LABELS[filters.level] : undefined
  })
  const queries = broader.map((suggestion) => queryOf(suggestion, 1))
  const totals = useRequest(
    () => Promise.all(queries.map(async (query) => (await policiesApi.search(query)).total)),
    `broader-searches-${JSON.stringify(queries)}`,
    broader.length > 0
  )
  const suggestions = totals.loading ? [] : worthTrying(broader, totals.data)
  return (
    <Card title='可以这样试试'>
      {totals.loading && <Paragraph muted>正在看看放宽条件能否找到…</Paragraph>}
      {suggestions.length > 0 && <Paragraph>放宽条件再找：</Paragraph>}
      {suggestions.map((suggestion) => (
        <ActionButton
          key={suggestion.label}
          variant='secondary'
          onClick={() => onSearch(suggestion.q, suggestion.filters)}
        >
          {suggestion.label}
        </ActionButton>
      ))}
      <Paragraph muted>也可以换个说法，或者用更短、更常用的词，比如“就业”“抚恤”“优待证”。</Paragraph>
      <Paragraph>还是找不到？工作人员可以帮您查找适用的政策。</Paragraph>
      <ActionButton variant='primary' onClick={() => askStaffAbout({ query: q || undefined })}>
        问问工作人员
      </ActionButton>
    </Card>
  )
}

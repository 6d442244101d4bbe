import { TOPICS } from '@veterans/shared/topics'
import { ActionButton, Card, Paragraph } from '../../components'
import { askStaffAbout } from './ask-staff'
import { LEVEL_LABELS } from './labels'
import { broaderSearches, type SearchFilters } from './suggestions'

/**
 * Nothing found (the line above the results already says so): what to try next — broader searches that run with
 * one tap, other words, and a person to ask.
 */
export function NoResults(props: {
  q: string
  filters: SearchFilters
  onSearch: (q: string, filters: SearchFilters) => void
}) {
  const { q, filters, onSearch } = props
  const suggestions = broaderSearches(q, filters, {
    category: filters.category ? TOPICS[filters.category] : undefined,
    level: filters.level ? LEVEL_LABELS[filters.level] : undefined
  })
  return (
    <Card title='可以这样试试'>
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

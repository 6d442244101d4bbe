import { TOPICS } from '@veterans/shared/topics'
import { ActionButton, Card, Paragraph } from '../../components'
import { askStaffAbout } from './ask-staff'
import { LEVEL_LABELS } from './labels'
import { broaderSearches, type SearchFilters } from './suggestions'

/** Nothing found: say so plainly, offer broader searches that can be run with one tap, and a person to ask. */
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
    <Card title='没有找到相关政策'>
      <Paragraph>{q ? `没有找到与“${q}”有关的政策。` : '在所选的范围里没有政策。'}</Paragraph>
      {suggestions.length > 0 && <Paragraph>可以试试放宽条件：</Paragraph>}
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

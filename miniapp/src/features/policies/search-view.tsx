import type { PolicyLevel, PolicySearchResult } from '@veterans/shared'
import { TOPIC_CODES, TOPICS, type Topic } from '@veterans/shared/topics'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { a11y, ActionButton, Card, Notice, Paragraph } from '../../components'
import { ChipGroup, type ChipOption } from './chip-group'
import { LEVEL_LABELS } from './labels'
import { NoResults } from './no-results'
import { PolicyCard, PolicyCardList } from './policy-card'
import { RecentSearchesCard } from './recent-searches-card'
import { useRecentSearches } from './recent-searches'
import { SearchBox } from './search-box'
import { isSearchable, tidySearchText } from './query-text'
import { worthRemembering } from './recent-list'
import {
  answerLine,
  failureText,
  NOTHING_TO_SEARCH,
  offersBroaderSearches,
  pendingText,
  previousResultsNote,
  previousResultsTitle
} from './search-answer'
import type { SearchFilters, ValidityChoice } from './suggestions'
import { usePolicySearch } from './use-policy-search'
import './policies.css'

const LEVELS = Object.keys(LEVEL_LABELS) as PolicyLevel[]
const VALIDITY_CHOICES: ChipOption<ValidityChoice>[] = [
  { value: 'in_force', label: '现行有效' },
  { value: 'all', label: '全部' },
  { value: 'expired', label: '已失效' },
  { value: 'repealed', label: '已废止' }
]
type Facets = PolicySearchResult['facets']

/**
 * The category chips: those the last completed search found, with its counts only while that search is the one
 * asked (the counts of an earlier search would not match the chosen filters). The set of chips stays put meanwhile.
 */
function categoryOptions(facets: Facets | undefined, selected: Topic | '', counted: boolean): ChipOption<Topic | ''>[] {
  const counts = facets?.category ?? {}
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  const shown = TOPIC_CODES.filter((code) => (counts[code] ?? 0) > 0 || code === selected)
  const count = (n: number) => (facets && counted ? n : undefined)
  return [
    { value: '', label: '全部', count: count(total) },
    ...shown.map((code) => ({ value: code, label: TOPICS[code], count: count(counts[code] ?? 0) }))
  ]
}

function levelOptions(facets: Facets | undefined): ChipOption<PolicyLevel | ''>[] {
  const counts = facets?.level ?? {}
  return [
    { value: '', label: '不限' },
    ...LEVELS.map((level) => ({
      value: level,
      label: LEVEL_LABELS[level],
      count: facets ? (counts[level] ?? 0) : undefined
    }))
  ]
}

/** What the more-filters button says is chosen, so a hidden filter is never forgotten. */
function chosenWords(filters: SearchFilters): string {
  const words = [
    filters.level ? LEVEL_LABELS[filters.level] : '',
    filters.validity !== 'in_force' ? VALIDITY_CHOICES.find((c) => c.value === filters.validity)!.label : ''
  ]
  return words.filter(Boolean).join('、')
}

function ResultsCard(props: { title: string; items: PolicySearchResult['items']; note?: string }) {
  return (
    <Card plain title={props.title}>
      {props.note && <Paragraph muted>{props.note}</Paragraph>}
      <PolicyCardList>
        {props.items.map((policy) => (
          <PolicyCard key={policy.id} policy={policy} />
        ))}
      </PolicyCardList>
    </Card>
  )
}

/** The results of the search asked now (the line above them says how it went), or what to try when it found nothing. */
function CurrentResults(props: {
  search: ReturnType<typeof usePolicySearch>
  onSearch: (q: string, filters: SearchFilters) => void
}) {
  const { answer, hasMore, loadMore } = props.search
  if (!answer) return null
  const { result, q, filters } = answer
  return (
    <>
      {offersBroaderSearches(answer) && <NoResults q={q} filters={filters} onSearch={props.onSearch} />}
      {result.items.length > 0 && <ResultsCard title={q ? '搜索结果' : '政策列表'} items={result.items} />}
      {loadMore.error && <Notice tone='error'>没能加载更多：{loadMore.error.message}</Notice>}
      {hasMore && (
        <ActionButton
          variant='secondary'
          busy={loadMore.pending}
          busyText='正在加载…'
          onClick={() => void loadMore.run()}
        >
          {`加载更多（已显示 ${result.items.length} 条，共 ${result.total} 条）`}
        </ActionButton>
      )}
    </>
  )
}

/** 政策 tab, search part: the search box, recent searches, filters with counts, results and 加载更多. */
export function SearchView() {
  const search = usePolicySearch()
  const recent = useRecentSearches()
  const [text, setText] = useState('')
  const [moreFilters, setMoreFilters] = useState(false)
  // Emoji or punctuation alone: nothing is searched, the results stay, and this says what to type instead.
  const [nothingToSearch, setNothingToSearch] = useState(false)
  const { q, filters, answer, current } = search
  const asked = { q, filters }

  // 最近搜索 keeps only searches that found something, once their answer is in.
  const { remember } = recent
  const found = current && answer && worthRemembering(answer) ? answer.q : ''
  useEffect(() => {
    if (found) remember(found)
  }, [found, remember])

  // After a search the results start below the filters: bring the count into view once they arrive.
  const scrollToResults = useRef(false)
  useEffect(() => {
    if (!scrollToResults.current || !current) return
    scrollToResults.current = false
    void Taro.pageScrollTo({ selector: '#policy-result-count', duration: 200 }).catch(() => undefined)
  }, [answer, current])

  const run = (typed: string, next: SearchFilters = filters) => {
    const query = tidySearchText(typed)
    setText(query)
    setNothingToSearch(query !== '' && !isSearchable(query))
    if (query !== '' && !isSearchable(query)) return
    search.search(query, next)
    scrollToResults.current = true
  }
  const chosen = chosenWords(filters)
  const moreLabel = `${moreFilters ? '收起筛选' : '更多筛选'}${chosen ? `（已选：${chosen}）` : ''}`
  const facets = current ? answer?.result.facets : undefined

  return (
    <>
      <SearchBox
        value={text}
        onChange={setText}
        onSubmit={(value) => run(value)}
        onClear={() => {
          setText('')
          setNothingToSearch(false)
          search.search('')
        }}
        busy={search.searching}
      />
      {nothingToSearch && <Notice>{NOTHING_TO_SEARCH}</Notice>}
      {!q && (
        <RecentSearchesCard
          items={recent.items}
          onSearch={(item) => run(item)}
          onRemove={recent.forget}
          onClear={recent.clear}
        />
      )}

      <ChipGroup
        label='类别'
        options={categoryOptions(answer?.result.facets, filters.category, current)}
        value={filters.category}
        onChange={(value) => search.setFilter('category', value)}
      />
      {process.env.TARO_ENV === 'h5' ? (
        <button
          type='button'
          className='disclosure'
          aria-expanded={moreFilters}
          onClick={() => setMoreFilters(!moreFilters)}
        >
          {moreLabel}
          <span aria-hidden='true'>{moreFilters ? '▲' : '▼'}</span>
        </button>
      ) : (
        <View
          className='disclosure'
          ariaRole='button'
          ariaLabel={moreLabel}
          onClick={() => setMoreFilters(!moreFilters)}
        >
          {moreLabel}
        </View>
      )}
      {moreFilters && (
        <>
          <ChipGroup
            label='发文层级'
            options={levelOptions(facets)}
            value={filters.level}
            onChange={(value) => search.setFilter('level', value)}
          />
          <ChipGroup
            label='是否有效'
            options={VALIDITY_CHOICES}
            value={filters.validity}
            onChange={(value) => search.setFilter('validity', value)}
          />
        </>
      )}

      {/* The count line speaks only for the search asked now, and only once its answer is in. */}
      <View id='policy-result-count' {...a11y('status')}>
        {search.searching && <Paragraph muted>{pendingText(asked)}</Paragraph>}
        {current && answer && <Paragraph strong>{answerLine(answer)}</Paragraph>}
      </View>
      {search.error && (
        <>
          <Notice tone='error'>{failureText(asked, search.error.message)}</Notice>
          <ActionButton variant='secondary' onClick={() => void search.retry()}>
            重试
          </ActionButton>
        </>
      )}
      {current ? (
        <CurrentResults search={search} onSearch={run} />
      ) : (
        // While a new search is on its way or has failed, the earlier results stay, under a heading that names
        // their search: on a weak network that can last a while, and the person keeps something to read (and
        // their place in it) instead of a blank page, without taking it for the answer to the new search.
        answer &&
        answer.result.items.length > 0 && (
          <ResultsCard
            title={previousResultsTitle(answer)}
            note={previousResultsNote(answer, !!search.error)}
            items={answer.result.items}
          />
        )
      )}
    </>
  )
}

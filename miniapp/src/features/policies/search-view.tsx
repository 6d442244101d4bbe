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
const VALIDITY_WORDS: Record<ValidityChoice, string> = { in_force: '现行有效的', all: '', expired: '已失效的', repealed: '已废止的' }

function categoryOptions(facets: PolicySearchResult['facets'] | undefined, selected: Topic | ''): ChipOption<Topic | ''>[] {
  const counts = facets?.category ?? {}
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  const shown = TOPIC_CODES.filter((code) => (counts[code] ?? 0) > 0 || code === selected)
  return [
    { value: '', label: '全部', count: facets ? total : undefined },
    ...shown.map((code) => ({ value: code, label: TOPICS[code], count: facets ? (counts[code] ?? 0) : undefined }))
  ]
}

function levelOptions(facets: PolicySearchResult['facets'] | undefined): ChipOption<PolicyLevel | ''>[] {
  const counts = facets?.level ?? {}
  return [{ value: '', label: '不限' }, ...LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level], count: facets ? (counts[level] ?? 0) : undefined }))]
}

/** What the more-filters button says is chosen, so a hidden filter is never forgotten. */
function chosenWords(filters: SearchFilters): string {
  const words = [filters.level ? LEVEL_LABELS[filters.level] : '', filters.validity !== 'in_force' ? VALIDITY_CHOICES.find((c) => c.value === filters.validity)!.label : '']
  return words.filter(Boolean).join('、')
}

function countText(result: PolicySearchResult, q: string, filters: SearchFilters): string {
  if (q) return `找到 ${result.total} 条与“${q}”有关的${VALIDITY_WORDS[filters.validity]}政策`
  return `共 ${result.total} 条${VALIDITY_WORDS[filters.validity]}政策`
}

/** 政策 tab, search part: the search box, recent searches, filters with counts, results and 加载更多. */
export function SearchView() {
  const search = usePolicySearch()
  const recent = useRecentSearches()
  const [text, setText] = useState('')
  const [moreFilters, setMoreFilters] = useState(false)
  const { q, filters, result } = search

  // After a search the results start below the filters: bring the count into view once they arrive.
  const scrollToResults = useRef(false)
  useEffect(() => {
    if (!scrollToResults.current || search.searching || !result) return
    scrollToResults.current = false
    void Taro.pageScrollTo({ selector: '#policy-result-count', duration: 200 }).catch(() => undefined)
  }, [result, search.searching])

  const run = (query: string, next: SearchFilters = filters) => {
    setText(query)
    recent.remember(query)
    search.search(query, next)
    scrollToResults.current = true
  }
  const chosen = chosenWords(filters)
  const moreLabel = `${moreFilters ? '收起筛选' : '更多筛选'}${chosen ? `（已选：${chosen}）` : ''}`

  return (
    <>
      <SearchBox
        value={text}
        onChange={setText}
        onSubmit={(value) => run(value)}
        onClear={() => {
          setText('')
          search.search('')
        }}
        busy={search.searching}
      />
      {!q && <RecentSearchesCard items={recent.items} onSearch={(item) => run(item)} onRemove={recent.forget} onClear={recent.clear} />}

      <ChipGroup label='类别' options={categoryOptions(result?.facets, filters.category)} value={filters.category} onChange={(value) => search.setFilter('category', value)} />
      {process.env.TARO_ENV === 'h5' ? (
        <button type='button' className='disclosure' aria-expanded={moreFilters} onClick={() => setMoreFilters(!moreFilters)}>
          {moreLabel}
          <span aria-hidden='true'>{moreFilters ? '▲' : '▼'}</span>
        </button>
      ) : (
        <View className='disclosure' ariaRole='button' ariaLabel={moreLabel} onClick={() => setMoreFilters(!moreFilters)}>
          {moreLabel}
        </View>
      )}
      {moreFilters && (
        <>
          <ChipGroup label='发文层级' options={levelOptions(result?.facets)} value={filters.level} onChange={(value) => search.setFilter('level', value)} />
          <ChipGroup label='是否有效' options={VALIDITY_CHOICES} value={filters.validity} onChange={(value) => search.setFilter('validity', value)} />
        </>
      )}

      <View id='policy-result-count' {...a11y('status')}>
        {search.searching && <Paragraph muted>正在查找…</Paragraph>}
        {!search.searching && result && <Paragraph strong>{countText(result, q, filters)}</Paragraph>}
      </View>
      {search.error && (
        <>
          <Notice tone='error'>没能查到政策：{search.error.message}</Notice>
          <ActionButton variant='secondary' onClick={() => void search.retry()}>
            重试
          </ActionButton>
        </>
      )}
      {result?.relaxed && result.items.length > 0 && <Notice>没有同时包含所有词语的政策，下面是包含其中部分词语的政策。</Notice>}
      {result && result.total === 0 && !search.searching && <NoResults q={q} filters={filters} onSearch={run} />}
      {result && result.items.length > 0 && (
        <Card plain title={q ? '搜索结果' : '政策列表'}>
          <PolicyCardList>
            {result.items.map((policy) => (
              <PolicyCard key={policy.id} policy={policy} />
            ))}
          </PolicyCardList>
        </Card>
      )}
      {search.loadMore.error && <Notice tone='error'>没能加载更多：{search.loadMore.error.message}</Notice>}
      {search.hasMore && result && (
        <ActionButton variant='secondary' busy={search.loadMore.pending} busyText='正在加载…' onClick={() => void search.loadMore.run()}>
          {`加载更多（已显示 ${result.items.length} 条，共 ${result.total} 条）`}
        </ActionButton>
      )}
    </>
  )
}

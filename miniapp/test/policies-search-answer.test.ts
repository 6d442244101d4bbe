import type { PolicySearchResult } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import {
  askedOf,
  countText,
  failureText,
  pendingText,
  previousResultsNote,
  previousResultsTitle,
  queryOf,
  type SearchAnswer
} from '../src/features/policies/search-answer'
import { NO_FILTERS } from '../src/features/policies/suggestions'

const result = (total: number) =>
  ({ items: [], total, relaxed: false, facets: { category: {}, level: {} } }) as unknown as PolicySearchResult

describe('a search and the answer it got', () => {
  it('names the search a result belongs to from the key it was loaded for, filters included', () => {
    const asked = { q: '抚恤', filters: { category: 'pension', level: 'city', validity: 'all' } } as const
    const key = JSON.stringify(queryOf(asked, 20))
    expect(askedOf(JSON.parse(key))).toEqual(asked)
    expect(askedOf(JSON.parse(JSON.stringify(queryOf({ q: '', filters: NO_FILTERS }, 20))))).toEqual({
      q: '',
      filters: NO_FILTERS
    })
    // Different filters are a different search, so a result of one is never taken for the other.
    expect(JSON.stringify(queryOf({ q: '抚恤', filters: NO_FILTERS }, 20))).not.toBe(key)
  })

  it('counts in the words and validity of the search that was answered', () => {
    expect(countText({ q: '抚恤', filters: NO_FILTERS, result: result(22) })).toBe(
      '找到 22 条与“抚恤”有关的现行有效的政策'
    )
    expect(countText({ q: '', filters: NO_FILTERS, result: result(45) })).toBe('共 45 条现行有效的政策')
    expect(countText({ q: '优待证', filters: { ...NO_FILTERS, validity: 'all' }, result: result(3) })).toBe(
      '找到 3 条与“优待证”有关的政策'
    )
  })

  it('says which search is loading or failed, and marks results kept from the one before', () => {
    const earlier: SearchAnswer = { q: '抚恤', filters: NO_FILTERS, result: result(22) }
    expect(pendingText({ q: '住房', filters: NO_FILTERS })).toBe('正在查找与“住房”有关的政策…')
    expect(failureText({ q: '住房', filters: NO_FILTERS }, '网络连接不上')).toBe(
      '没能查到与“住房”有关的政策：网络连接不上'
    )
    expect(failureText({ q: '', filters: NO_FILTERS }, '网络连接不上')).toBe('没能查到政策：网络连接不上')
    expect(previousResultsTitle(earlier)).toBe('上一次查找“抚恤”的结果')
    expect(previousResultsTitle({ ...earlier, q: '', result: result(45) })).toBe('之前显示的政策列表')
    expect(previousResultsNote(earlier, true)).toBe(
      '这次查找没有成功，下面仍是上一次的结果（共 22 条），不是这次查找的答案。'
    )
    expect(previousResultsNote(earlier, false)).toContain('共 22 条')
  })
})

import { describe, expect, it } from 'vitest'
import { isSearchable, shownQuery, tidySearchText } from '../src/features/policies/query-text'
import {
  cleanRecent,
  MAX_RECENT_CHARS,
  recentEntry,
  withRecent,
  worthRemembering
} from '../src/features/policies/recent-list'
import {
  answerLine,
  countText,
  NOTHING_TO_SEARCH,
  offersBroaderSearches,
  type SearchAnswer
} from '../src/features/policies/search-answer'
import { NO_FILTERS } from '../src/features/policies/suggestions'

const answer = (q: string, total: number, relaxed = false): SearchAnswer => ({
  q,
  filters: NO_FILTERS,
  result: {
    items: [],
    total,
    facets: { category: {}, level: {} },
    ...(relaxed ? { relaxed: true } : {})
  }
})

describe('how a search went, said once', () => {
  it('says nothing was found in one line, never a count of 0 beside it, and then offers what to try', () => {
    const none = answer('优待证 火星', 0)
    expect(answerLine(none)).toBe('没有找到与“优待证 火星”有关的现行有效的政策')
    expect(answerLine(none)).not.toMatch(/找到 0 条/)
    expect(offersBroaderSearches(none)).toBe(true)
    expect(answerLine({ ...answer('', 0), filters: { ...NO_FILTERS, validity: 'repealed' } })).toBe(
      '在所选的范围里没有已废止的政策'
    )
  })

  it('says a partial match only with results, in the same line as their number, never next to a count', () => {
    const partial = answer('优待证乘车免费', 2, true)
    expect(answerLine(partial)).toBe('没有找到正好写着“优待证乘车免费”的政策，下面 2 条分别写到了其中的词语')
    expect(offersBroaderSearches(partial)).toBe(false)
    // A relaxed flag over nothing (an older server) is just nothing found.
    expect(answerLine(answer('优待证乘车免费', 0, true))).toBe('没有找到与“优待证乘车免费”有关的现行有效的政策')
    expect(answerLine(answer('医', 16))).toBe(countText(answer('医', 16)))
    expect(answerLine(answer('医', 16))).toBe('找到 16 条与“医”有关的现行有效的政策')
  })

  it('answers emoji or punctuation alone calmly: what to type, no "nothing found about 🎖️", no broader searches', () => {
    for (const q of ['🎖️👴😀', '？', '……']) {
      expect(isSearchable(q)).toBe(false)
      expect(answerLine(answer(q, 0))).toBe(NOTHING_TO_SEARCH)
      expect(offersBroaderSearches(answer(q, 0))).toBe(false)
    }
    expect(isSearchable('🎖️优待证')).toBe(true)
  })

  it('reads 医 typed a hundred times as 医, and shortens long words in sentences', () => {
    expect(tidySearchText('医'.repeat(100))).toBe('医')
    expect(tidySearchText('  优待证   医医医医  ')).toBe('优待证 医')
    // Digits are not characters typed twice by mistake.
    expect(tidySearchText('2000年')).toBe('2000年')
    expect(shownQuery('退役军人'.repeat(10))).toBe(`${'退役军人'.repeat(5)}…`)
    expect(answerLine(answer('退役军人'.repeat(10), 0))).toBe(
      `没有找到与“${'退役军人'.repeat(5)}…”有关的现行有效的政策`
    )
  })
})

describe('最近搜索', () => {
  it('keeps only searches that found something', () => {
    expect(worthRemembering(answer('优待证', 3))).toBe(true)
    expect(worthRemembering(answer('火星探测', 0))).toBe(false)
    expect(worthRemembering(answer('', 45))).toBe(false)
    expect(worthRemembering(answer('🎖️👴😀', 0))).toBe(false)
  })

  it('drops junk and shortens long entries to their first words', () => {
    expect(withRecent(['优待'], '🎖️👴😀')).toEqual(['优待'])
    expect(withRecent(['优待'], '。')).toEqual(['优待'])
    expect(recentEntry('医'.repeat(100))).toBe('医')
    expect(recentEntry('退役军人 优待证 免费乘车 公园 景区 门票 减免')).toBe('退役军人 优待证 免费乘车 公园')
    const long = recentEntry('a'.repeat(200))!
    expect(Array.from(long)).toHaveLength(MAX_RECENT_CHARS)
    expect(withRecent(['优待'], '退役军人 优待证 免费乘车 公园 景区 门票')).toEqual([
      '退役军人 优待证 免费乘车 公园',
      '优待'
    ])
  })

  it('cleans what was stored before these rules: junk out, long ones shortened, no duplicates, no non-text', () => {
    expect(cleanRecent(['医'.repeat(100), '医', '😀', 42, '', '优待证'])).toEqual(['医', '优待证'])
    expect(cleanRecent('not a list')).toEqual([])
  })
})

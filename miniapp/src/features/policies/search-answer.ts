import type { PolicyQuery, PolicySearchResult } from '@veterans/shared'
import { isSearchable, shownQuery } from './query-text'
import type { SearchFilters, ValidityChoice } from './suggestions'

/** What the person asked for: the words and the filters. */
export interface SearchAsked {
  q: string
  filters: SearchFilters
}

/** A completed search: what was asked, and the server's answer to exactly that. */
export interface SearchAnswer extends SearchAsked {
  result: PolicySearchResult
}

const VALIDITY_WORDS: Record<ValidityChoice, string> = {
  in_force: '现行有效的',
  all: '',
  expired: '已失效的',
  repealed: '已废止的'
}

/** The first page of GET /policies for a search; its JSON is also the key that tells one search from another. */
export function queryOf(asked: SearchAsked, limit: number): PolicyQuery {
  return {
    q: asked.q || undefined,
    category: asked.filters.category || undefined,
    level: asked.filters.level || undefined,
    validity: asked.filters.validity,
    limit
  }
}

/** Back from a query to what was asked (to name the search a result belongs to). */
export function askedOf(query: PolicyQuery): SearchAsked {
  return {
    q: query.q ?? '',
    filters: {
      category: query.category ?? '',
      level: query.level ?? '',
      validity: (query.validity ?? 'in_force') as ValidityChoice
    }
  }
}

/** The count line over the results: it names the words and validity of the search the results answer. */
export function countText({ result, q, filters }: SearchAnswer): string {
  if (q) return `找到 ${result.total} 条与“${shownQuery(q)}”有关的${VALIDITY_WORDS[filters.validity]}政策`
  return `共 ${result.total} 条${VALIDITY_WORDS[filters.validity]}政策`
}

/** Said when the search box held nothing to look for (emoji, punctuation): what to type instead. */
export const NOTHING_TO_SEARCH = '搜索词里没有文字。请输入想查的事，比如“优待证”“就业”“抚恤”。'

/**
 * The one line that says how a search went: how many it found, or that it found nothing, or that only the words
 * apart matched. Exactly one of these at a time, never a count next to a message that contradicts it.
 */
export function answerLine(answer: SearchAnswer): string {
  const { result, q, filters } = answer
  const validity = VALIDITY_WORDS[filters.validity]
  if (q && !isSearchable(q)) return NOTHING_TO_SEARCH
  if (result.total === 0) {
    return q ? `没有找到与“${shownQuery(q)}”有关的${validity}政策` : `在所选的范围里没有${validity}政策`
  }
  if (result.relaxed) {
    return `没有找到正好写着“${shownQuery(q)}”的政策，下面 ${result.total} 条分别写到了其中的词语`
  }
  return countText(answer)
}

/** Whether to offer ways to widen the search: only when a real search found nothing. */
export function offersBroaderSearches(answer: SearchAnswer): boolean {
  return answer.result.total === 0 && (!answer.q || isSearchable(answer.q))
}

/** The status line while a search runs: it names the search, so earlier results below are not taken for its answer. */
export function pendingText({ q }: SearchAsked): string {
  return q ? `正在查找与“${shownQuery(q)}”有关的政策…` : '正在读取政策列表…'
}

export function failureText({ q }: SearchAsked, reason: string): string {
  return `没能查到${q ? `与“${shownQuery(q)}”有关的` : ''}政策：${reason}`
}

/** The heading over results kept from an earlier search while a new one is on its way or failed. */
export function previousResultsTitle(answer: SearchAnswer): string {
  return answer.q ? `上一次查找“${shownQuery(answer.q)}”的结果` : '之前显示的政策列表'
}

/** Said under that heading: these are not the answer to the search just asked. */
export function previousResultsNote(answer: SearchAnswer, failed: boolean): string {
  const kept = `下面仍是上一次的结果（共 ${answer.result.total} 条）`
  return failed ? `这次查找没有成功，${kept}，不是这次查找的答案。` : `新的结果还在路上，${kept}。`
}

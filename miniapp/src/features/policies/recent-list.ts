import { isSearchable, tidySearchText } from './query-text'

/** Recent searches stay on this phone only (never sent anywhere), newest first. */
export const RECENT_SEARCHES_KEY = 'veterans.policy-searches'
export const MAX_RECENT_SEARCHES = 8
/** Longer searches are kept shortened: a recent search is a word or two to tap again, not a sentence. */
export const MAX_RECENT_CHARS = 16

/**
 * A search as the list keeps it, or null if it is not worth keeping (nothing to look for: emoji, punctuation).
 * A long one keeps its first words up to MAX_RECENT_CHARS characters; a first word longer than that is cut.
 */
export function recentEntry(query: string): string | null {
  const text = tidySearchText(query)
  if (!isSearchable(text)) return null
  if (Array.from(text).length <= MAX_RECENT_CHARS) return text
  let kept = ''
  for (const word of text.split(' ')) {
    const next = kept ? `${kept} ${word}` : word
    if (Array.from(next).length > MAX_RECENT_CHARS) break
    kept = next
  }
  return kept || Array.from(text).slice(0, MAX_RECENT_CHARS).join('')
}

/** The list after a search that found something: it moves to the front, once, and the oldest fall off. */
export function withRecent(list: readonly string[], query: string): string[] {
  const entry = recentEntry(query)
  if (!entry) return [...list]
  return [entry, ...list.filter((item) => item !== entry)].slice(0, MAX_RECENT_SEARCHES)
}

/** The list as stored, cleaned of what earlier versions kept (junk, over-long entries) and of anything not text. */
export function cleanRecent(stored: unknown): string[] {
  if (!Array.isArray(stored)) return []
  const entries = stored.filter((item): item is string => typeof item === 'string').map(recentEntry)
  return [...new Set(entries.filter((item): item is string => item !== null))].slice(0, MAX_RECENT_SEARCHES)
}

/** Only a search that found something is worth offering again; one that found nothing would find nothing again. */
export function worthRemembering(answer: { q: string; result: { total: number } }): boolean {
  return answer.q !== '' && answer.result.total > 0 && recentEntry(answer.q) !== null
}

/**
 * What a person typed into the policy search, made fit to search, show and remember. The server reads queries the
 * same way (bff search/tidy.ts); doing it here too means the count line and 最近搜索 show what was searched.
 */

// One Chinese character typed three or more times running is read as typed once (a held key or a nervous tap).
const REPEATED_HAN = /(\p{Script=Han})\1{2,}/gu
const SEARCHABLE = /[\p{L}\p{N}]/u

/** Spaces collapsed, the ends trimmed, a character repeated three or more times kept once. */
export function tidySearchText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(REPEATED_HAN, '$1')
}

/** Whether there is anything to look for: emoji, punctuation and spaces alone are not. */
export function isSearchable(text: string): boolean {
  return SEARCHABLE.test(text)
}

const SHOWN_CHARS = 20

/** The words in a sentence about the search: long ones cut, so the sentence stays readable on a phone. */
export function shownQuery(q: string): string {
  const chars = Array.from(q)
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : q
}

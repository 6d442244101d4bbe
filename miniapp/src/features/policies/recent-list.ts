/** Recent searches stay on this phone only (never sent anywhere), newest first. */
export const RECENT_SEARCHES_KEY = 'veterans.policy-searches'
export const MAX_RECENT_SEARCHES = 8

/** The list after searching `query`: it moves to the front, once, and the oldest fall off. */
export function withRecent(list: readonly string[], query: string): string[] {
  const text = query.trim().replace(/\s+/g, ' ')
  if (!text) return [...list]
  return [text, ...list.filter((item) => item !== text)].slice(0, MAX_RECENT_SEARCHES)
}

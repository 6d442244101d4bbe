import { useCallback, useState } from 'react'
import { taroStore } from '../../lib/key-value-store'
import { MAX_RECENT_SEARCHES, RECENT_SEARCHES_KEY, withRecent } from './recent-list'

function load(): string[] {
  const stored = taroStore.get(RECENT_SEARCHES_KEY)
  return Array.isArray(stored)
    ? stored.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT_SEARCHES)
    : []
}

export function useRecentSearches() {
  const [items, setItems] = useState<string[]>(load)
  const update = useCallback((next: (list: string[]) => string[]) => {
    setItems((list) => {
      const changed = next(list)
      taroStore.set(RECENT_SEARCHES_KEY, changed) // if storage is unavailable, the list lasts for this visit
      return changed
    })
  }, [])
  return {
    items,
    remember: useCallback((query: string) => update((list) => withRecent(list, query)), [update]),
    forget: useCallback((query: string) => update((list) => list.filter((item) => item !== query)), [update]),
    clear: useCallback(() => update(() => []), [update])
  }
}

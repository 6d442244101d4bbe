import { useCallback, useState } from 'react'
import { taroStore } from '../../lib/key-value-store'
import { cleanRecent, RECENT_SEARCHES_KEY, withRecent } from './recent-list'

function load(): string[] {
  return cleanRecent(taroStore.get(RECENT_SEARCHES_KEY))
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

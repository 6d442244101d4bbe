import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { MAX_RECENT_SEARCHES, RECENT_SEARCHES_KEY, withRecent } from './recent-list'

function load(): string[] {
  try {
    const stored: unknown = Taro.getStorageSync(RECENT_SEARCHES_KEY)
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT_SEARCHES) : []
  } catch {
    return []
  }
}

function save(list: string[]): void {
  try {
    Taro.setStorageSync(RECENT_SEARCHES_KEY, list)
  } catch {
    // Storage unavailable: the list lasts for this visit.
  }
}

export function useRecentSearches() {
  const [items, setItems] = useState<string[]>(load)
  const update = useCallback((next: (list: string[]) => string[]) => {
    setItems((list) => {
      const changed = next(list)
      save(changed)
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

import type { KeyValueStore } from '../../lib/key-value-store'

/**
 * The last good answer of a read screen, kept on the phone so the screen still shows something on a weak or
 * missing network ("更新于 …"). Kept per account, and only when small (WeChat allows 1 MB per key; we stay far
 * below so several screens fit).
 */
export const MAX_CACHED_CHARS = 64 * 1024

interface Cached<T> {
  userId: string
  savedAt: string
  data: T
}

export function saveCached<T>(store: KeyValueStore, key: string, userId: string, data: T, now = new Date()): boolean {
  const entry: Cached<T> = { userId, savedAt: now.toISOString(), data }
  if (JSON.stringify(entry).length > MAX_CACHED_CHARS) {
    store.remove(key) // an old, smaller copy would now be misleading
    return false
  }
  return store.set(key, entry)
}

export function loadCached<T>(store: KeyValueStore, key: string, userId: string): { data: T; savedAt: string } | null {
  const entry = store.get(key) as Partial<Cached<T>> | null | undefined
  if (!entry || entry.userId !== userId || typeof entry.savedAt !== 'string' || entry.data === undefined) return null
  return { data: entry.data, savedAt: entry.savedAt }
}

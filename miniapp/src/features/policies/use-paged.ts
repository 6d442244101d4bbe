import { useEffect, useRef } from 'react'
import { useAction, useRequest } from '../../api'

/**
 * A list loaded a page at a time by offset (GET /policies, GET /staff/policies): the first page when `key`
 * changes, then 加载更多 appends the next. A page that arrives after the list changed is dropped.
 *
 * `data` is the last list that arrived and `dataKey` the key it was loaded for: while the list for a new key is
 * loading, or after it failed, `current` is false and `data` still belongs to the earlier key, so a caller never
 * shows it as the answer to the new one.
 */
export function usePaged<T extends { items: unknown[]; total: number }>(
  load: (offset: number) => Promise<T>,
  key: string
) {
  const currentKey = useRef(key)
  currentKey.current = key
  const failedKey = useRef<string>()
  const first = useRequest(async () => {
    try {
      return { key, page: await load(0) }
    } catch (error) {
      // A late failure of a list no longer asked for must not hide (or stand in for) the current one's outcome.
      if (key === currentKey.current) failedKey.current = key
      throw error
    }
  }, key)
  const current = first.data?.key === key
  // A failure of the list for an earlier key is not this list's failure.
  const error = first.error && failedKey.current === key ? first.error : null
  const more = useAction(async () => {
    const shown = first.data
    if (!shown || shown.key !== key) return undefined
    const next = await load(shown.page.items.length)
    if (currentKey.current !== shown.key) return undefined
    const merged = { ...next, items: [...shown.page.items, ...next.items] } as T
    first.setData({ key: shown.key, page: merged })
    return merged
  })
  // A failed 加载更多 belongs to the list it was loading more of.
  const clearMoreError = more.clearError
  useEffect(() => clearMoreError(), [key, clearMoreError])
  return {
    data: first.data?.page,
    dataKey: first.data?.key,
    current,
    // Also true in the moment between a key change and its request starting.
    loading: first.loading || (!current && !error),
    error,
    reload: first.reload,
    hasMore: current && !!first.data && first.data.page.items.length < first.data.page.total,
    loadMore: more
  }
}

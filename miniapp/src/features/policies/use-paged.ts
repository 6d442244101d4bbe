import { useRef } from 'react'
import { useAction, useRequest } from '../../api'

/**
 * A list loaded a page at a time by offset (GET /policies, GET /staff/policies): the first page when `key`
 * changes, then 加载更多 appends the next. A page that arrives after the list changed is dropped.
 */
export function usePaged<T extends { items: unknown[]; total: number }>(load: (offset: number) => Promise<T>, key: string) {
  const currentKey = useRef(key)
  currentKey.current = key
  const first = useRequest(() => load(0), key)
  const more = useAction(async () => {
    const shown = first.data
    if (!shown) return undefined
    const askedFor = key
    const next = await load(shown.items.length)
    if (currentKey.current !== askedFor) return undefined
    const merged = { ...next, items: [...shown.items, ...next.items] } as T
    first.setData(merged)
    return merged
  })
  return { ...first, hasMore: !!first.data && first.data.items.length < first.data.total, loadMore: more }
}

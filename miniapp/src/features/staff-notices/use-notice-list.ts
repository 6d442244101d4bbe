import type { NoticeStatus, StaffNoticeSummary } from '@veterans/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { staffNoticesApi, toApiError, useAction, type ApiError } from '../../api'

const PAGE_SIZE = 20

/**
 * The notices in one status, newest first, with 加载更多 by cursor. An answer for a status no longer chosen is
 * dropped, so a slow answer never shows under the wrong heading.
 */
export function useNoticeList(status: NoticeStatus) {
  const [items, setItems] = useState<StaffNoticeSummary[] | undefined>(undefined)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(true)
  const ticket = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++ticket.current
    setLoading(true)
    setError(null)
    try {
      const page = await staffNoticesApi.list({ status, limit: PAGE_SIZE })
      if (mine !== ticket.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
    } catch (e) {
      if (mine === ticket.current) setError(toApiError(e))
    } finally {
      if (mine === ticket.current) setLoading(false)
    }
  }, [status])

  useEffect(() => {
    setItems(undefined)
    void reload()
  }, [reload])

  const loadMore = useAction(async () => {
    if (!cursor) return
    const mine = ticket.current
    const page = await staffNoticesApi.list({ status, limit: PAGE_SIZE, cursor })
    if (mine !== ticket.current) return
    setItems((current) => [...(current ?? []), ...page.items])
    setCursor(page.nextCursor)
  })

  return { items, hasMore: cursor !== null, error, loading, reload, loadMore }
}

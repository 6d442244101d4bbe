import { useEffect, useRef } from 'react'
import { noticesApi, useRequest } from '../../api'
import { refreshUnreadBadge } from '../../shell/unread-badge'

/** One notice, marked read the first time it is shown unread (then the 消息 badge is counted again). */
export function useNotice(noticeId: string) {
  const notice = useRequest(() => noticesApi.get(noticeId), `notice-${noticeId}`, Boolean(noticeId))
  const marked = useRef(false)
  useEffect(() => {
    const data = notice.data
    if (!data || data.read || marked.current) return
    marked.current = true
    noticesApi.markRead(noticeId).then(
      refreshUnreadBadge,
      // Not marked this time: the next opening tries again.
      () => {
        marked.current = false
      }
    )
  }, [notice.data, noticeId])
  return notice
}

import type { InboxEntry } from '@veterans/shared'
import { useEffect, useRef, useState } from 'react'
import { bumpUnreadBadge, onUnreadCount, refreshUnreadBadge } from '../../shell/unread-badge'
import { useLive } from '../messaging/use-live'
import { entryOfNotice, mergeEntries, noticeOfFrame } from './inbox-entries'
import { INBOX_POLL_MS } from './use-inbox'

/**
 * Keeps the 消息 badge current from wherever the person is (首页 stays mounted as the first tab): a live notice
 * adds one at once; the counts are read again when the socket (re)connects, when the page is shown again, and
 * every minute while the socket is down. Returns the badge's number (首页 says it in words) and the notices that arrived live.
 */
export function useUnreadKeeper(enabled: boolean): { count: number; arrived: InboxEntry[] } {
  const [count, setCount] = useState(0)
  const [arrived, setArrived] = useState<InboxEntry[]>([])
  useEffect(() => onUnreadCount(setCount), [])
  useEffect(() => {
    if (enabled) refreshUnreadBadge()
  }, [enabled])
  // A frame delivered again after a reconnect must not count twice.
  const counted = useRef(new Set<string>())
  useLive({
    enabled,
    pollMs: INBOX_POLL_MS,
    frames: {
      'notice.created': (frame) => {
        const notice = noticeOfFrame(frame)
        if (!notice || notice.read || counted.current.has(notice.id)) return
        counted.current.add(notice.id)
        bumpUnreadBadge('inbox', 1)
        setArrived((held) => mergeEntries([entryOfNotice(notice)], held))
      },
      'thread.updated': () => refreshUnreadBadge()
    },
    catchUp: refreshUnreadBadge
  })
  return enabled ? { count, arrived } : { count: 0, arrived: [] }
}

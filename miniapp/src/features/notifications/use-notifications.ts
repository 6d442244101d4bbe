import type { Notification } from '@veterans/shared'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { notificationsApi, useAction, useRequest } from '../../api'
import { showUnreadBadge } from '../../shell/unread-badge'

const PAGE_SIZE = 20

/** The person's notifications, newest first, with marking read (one or all) and older pages on request. */
export function useNotifications(userId: string | undefined) {
  const first = useRequest(
    () => notificationsApi.list({ limit: PAGE_SIZE }),
    `notifications-${userId}`,
    Boolean(userId)
  )
  const [older, setOlder] = useState<{ items: Notification[]; nextCursor: string | null } | null>(null)
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())

  // A tab stays mounted: read again whenever the person comes back to it.
  useDidShow(() => {
    if (!first.data) return
    setOlder(null)
    void first.reload()
  })

  const loaded = [...(first.data?.items ?? []), ...(older?.items ?? [])]
  // Marked read on this screen since the last load: shown read at once, and taken off the unread count.
  const markedHere = loaded.filter((n) => !n.read && readHere.has(n.id)).length
  const items = loaded.map((n) => (!n.read && readHere.has(n.id) ? { ...n, read: true } : n))
  const unreadCount = Math.max(0, (first.data?.unreadCount ?? 0) - markedHere)
  const nextCursor = older ? older.nextCursor : (first.data?.nextCursor ?? null)

  // Replies to written questions are counted on the badge by their threads (shell/unread-badge.ts), not twice.
  const unreadAboutThreads = items.filter((n) => !n.read && typeof n.data.threadId === 'string').length
  useEffect(() => {
    if (first.data) showUnreadBadge(unreadCount - unreadAboutThreads)
  }, [first.data, unreadCount, unreadAboutThreads])

  const markRead = useAction(async (id: string) => {
    await notificationsApi.markRead(id)
    setReadHere((ids) => new Set([...ids, id]))
    return true
  })
  const markAllRead = useAction(async () => {
    const result = await notificationsApi.markAllRead()
    setReadHere(new Set())
    setOlder(null)
    await first.reload()
    return result
  })
  const loadMore = useAction(async () => {
    if (!nextCursor) return null
    const page = await notificationsApi.list({ limit: PAGE_SIZE, cursor: nextCursor })
    setOlder((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }))
    return page
  })

  return { first, items, unreadCount, nextCursor, markRead, markAllRead, loadMore }
}

import type { Thread } from '@veterans/shared'
import { useEffect, useState } from 'react'
import { messagingApi, useRequest } from '../../api'
import { showUnreadBadge } from '../../shell/unread-badge'
import { sortThreads, unreadTotal, upsertThread } from './thread-list'
import { useLive } from './use-live'

/** As many as a person plausibly has open; older ones come with 查看更早的咨询. */
const PAGE_SIZE = 30
const LIST_POLL_MS = 60_000

/**
 * The person's written questions, newest activity first, kept current: a `thread.updated` frame puts the thread
 * in its place (new reply, status, unread count); catch-up reloads the first page. Keeps the tab badge's share.
 */
export function useMyThreads(userId: string | undefined) {
  const enabled = Boolean(userId)
  const first = useRequest(() => messagingApi.threads({ limit: PAGE_SIZE }), `threads-${userId}`, enabled)
  const [threads, setThreads] = useState<Thread[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)

  useEffect(() => {
    if (!first.data) return
    setThreads((held) => {
      // Older pages loaded earlier stay; the first page's copies are the newest.
      const fresh = first.data!.items
      const older = held.filter((t) => !fresh.some((f) => f.id === t.id))
      return sortThreads([...fresh, ...older.filter((t) => t.lastMessageAt < (fresh.at(-1)?.lastMessageAt ?? ''))])
    })
    setNextCursor((cursor) => cursor ?? first.data!.nextCursor)
  }, [first.data])

  const status = useLive({
    enabled,
    pollMs: LIST_POLL_MS,
    frames: {
      'thread.updated': (frame) => {
        const thread = frame.thread as Thread | undefined
        if (thread?.id) setThreads((held) => upsertThread(held, thread))
      }
    },
    catchUp: () => void first.reload()
  })

  const unread = unreadTotal(threads)
  useEffect(() => {
    if (first.data) showUnreadBadge(unread, 'threads')
  }, [first.data, unread])

  const loadMore = async () => {
    if (!nextCursor) return
    const page = await messagingApi.threads({ limit: PAGE_SIZE, cursor: nextCursor })
    setThreads((held) => sortThreads([...held, ...page.items.filter((t) => !held.some((h) => h.id === t.id))]))
    setNextCursor(page.nextCursor)
  }

  return { first, threads, unread, status, nextCursor, loadMore }
}

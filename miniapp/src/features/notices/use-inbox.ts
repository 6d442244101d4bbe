import type { InboxEntry } from '@veterans/shared'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { noticesApi, notificationsApi, useAction, useRequest, type ApiError } from '../../api'
import { showUnreadBadge } from '../../shell/unread-badge'
import { inboxShare } from '../../shell/unread-count'
import { useLive } from '../messaging/use-live'
import { entryKey, entryOfNotice, mergeEntries, noticeOfFrame } from './inbox-entries'

const PAGE_SIZE = 20
/** While the socket is down, the first page (and with it the unread count) is read again this often. */
export const INBOX_POLL_MS = 60_000

/**
 * The person's one inbox, newest first: notices and notifications from GET /me/inbox, older pages as they scroll,
 * a `notice.created` frame puts the notice on top at once; catch-up (reconnect, return to the tab, polling while
 * the socket is down) reads the first page again. Keeps the inbox's share of the 消息 badge.
 */
export function useInbox(userId: string | undefined) {
  const enabled = Boolean(userId)
  const first = useRequest(() => noticesApi.inbox({ limit: PAGE_SIZE }), `inbox-${userId}`, enabled)
  const [older, setOlder] = useState<{ items: InboxEntry[]; nextCursor: string | null } | null>(null)
  // Notices that arrived live since the first page was read.
  const [arrived, setArrived] = useState<InboxEntry[]>([])
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())

  useEffect(() => {
    if (!first.data) return
    // The first page read again: what arrived live is in it now (or will be in the next one).
    const fresh = new Set(first.data.items.map(entryKey))
    setArrived((held) => held.filter((e) => !fresh.has(entryKey(e)) && e.at > (first.data!.items[0]?.at ?? '')))
  }, [first.data])

  const status = useLive({
    enabled,
    pollMs: INBOX_POLL_MS,
    frames: {
      'notice.created': (frame) => {
        const notice = noticeOfFrame(frame)
        if (notice) setArrived((held) => mergeEntries([entryOfNotice(notice)], held))
      }
    },
    catchUp: () => void first.reload()
  })

  const firstKeys = new Set((first.data?.items ?? []).map(entryKey))
  const newOnes = arrived.filter((e) => !firstKeys.has(entryKey(e)))
  const loaded = mergeEntries(newOnes, first.data?.items ?? [], older?.items ?? [])
  // Marked read on this screen since the last load: shown read at once, and taken off the unread count.
  const markedHere = loaded.filter((e) => !e.read && readHere.has(entryKey(e))).length
  const items = loaded.map((e) => (!e.read && readHere.has(entryKey(e)) ? { ...e, read: true } : e))
  const unreadCount = Math.max(0, (first.data?.unreadCount ?? 0) + newOnes.filter((e) => !e.read).length - markedHere)
  const nextCursor = older ? older.nextCursor : (first.data?.nextCursor ?? null)

  const badge = inboxShare(unreadCount, items)
  useEffect(() => {
    if (first.data) showUnreadBadge(badge, 'inbox')
  }, [first.data, badge])

  const markRead = useAction(async (entry: InboxEntry) => {
    if (entry.read || readHere.has(entryKey(entry))) return true
    if (entry.kind === 'notice') await noticesApi.markRead(entry.id)
    else await notificationsApi.markRead(entry.id)
    setReadHere((keys) => new Set([...keys, entryKey(entry)]))
    return true
  })
  /** Opened from the list: a notification is marked read here; a notice by its own page as it opens. */
  const opened = (entry: InboxEntry) => {
    if (entry.kind === 'notification') void markRead.run(entry)
    else setReadHere((keys) => new Set([...keys, entryKey(entry)]))
  }
  const markAllRead = useAction(async () => {
    await readEverything(items)
    setReadHere(new Set())
    setOlder(null)
    setArrived([])
    await first.reload()
    return true
  })
  const loadMore = useAction(async () => {
    if (!nextCursor) return null
    const page = await noticesApi.inbox({ limit: PAGE_SIZE, cursor: nextCursor })
    setOlder((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }))
    return page
  })

  // A tab stays mounted: start again from the top whenever the person comes back to it (useLive catches up).
  useDidShow(() => setOlder(null))

  return { first, items, unreadCount, nextCursor, status, opened, markRead, markAllRead, loadMore }
}

/**
 * 全部标为已读: one call where the BFF has it; otherwise the notifications' read-all and each unread notice
 * the screen holds.
 */
async function readEverything(items: readonly InboxEntry[]): Promise<void> {
  try {
    await noticesApi.readAllInbox()
    return
  } catch (e) {
    if ((e as ApiError).status !== 404) throw e
  }
  await notificationsApi.markAllRead()
  const notices = items.filter((e) => e.kind === 'notice' && !e.read)
  await Promise.all(notices.map((e) => noticesApi.markRead(e.id)))
}

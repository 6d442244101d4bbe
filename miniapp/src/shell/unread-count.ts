import type { InboxEntry } from '@veterans/shared'

// The arithmetic of the 消息 badge, free of Taro so that it is unit-tested.

/** What is unread, per source: the inbox (notices and notifications) and staff replies in written questions. */
export interface UnreadParts {
  inbox: number
  threads: number
}

/** The one number on the 消息 tab and on 首页. */
export function badgeCount(parts: UnreadParts): number {
  return Math.max(0, parts.inbox) + Math.max(0, parts.threads)
}

/** As WeChat writes it on a tab: nothing for 0, 99+ above 99. */
export function badgeText(count: number): string | null {
  if (count <= 0) return null
  return count > 99 ? '99+' : String(count)
}

/** An unread notification of a staff reply: its thread's unread count already says so (one reply, one on the badge). */
export function isAboutThread(entry: Pick<InboxEntry, 'kind' | 'read' | 'data'>): boolean {
  return entry.kind === 'notification' && !entry.read && typeof entry.data.threadId === 'string'
}

/**
 * The inbox's share of the badge: its unread count less the unread notices of replies among the entries at hand
 * (the threads count those).
 */
export function inboxShare(unreadCount: number, entries: ReadonlyArray<Pick<InboxEntry, 'kind' | 'read' | 'data'>>) {
  return Math.max(0, unreadCount - entries.filter(isAboutThread).length)
}

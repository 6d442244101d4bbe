import Taro from '@tarojs/taro'
import { api, messagingApi, noticesApi } from '../api'
import { badgeCount, badgeText, inboxShare, type UnreadParts } from './unread-count'

export { badgeText } from './unread-count'

/** Position of 消息 in the tab bar (app.config.ts). */
const MESSAGES_TAB_INDEX = 3
/** Enough of the inbox to find the unread notices of replies among the unread. */
const BADGE_INBOX_PAGE = 50

const unread: UnreadParts = { inbox: 0, threads: 0 }
let shown: number | null = null
const listeners = new Set<(count: number) => void>()

function show(): void {
  const count = badgeCount(unread)
  listeners.forEach((listener) => listener(count))
  if (count === shown) return
  shown = count
  const text = badgeText(count)
  // Refused (WeChat: not on a tab page just now): try again with the next count.
  const done = () => {
    shown = null
  }
  if (text) void Promise.resolve(Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text })).catch(done)
  else void Promise.resolve(Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX })).catch(done)
}

/**
 * The badge on the 消息 tab (app-shell, so that 首页, 预约, 消息 and the conversations can all keep it current
 * without depending on each other). Each source reports its own count; the tab shows their sum.
 */
export function showUnreadBadge(count: number, source: keyof UnreadParts): void {
  unread[source] = Math.max(0, count)
  show()
}

/** One more (a live notice) or one fewer (a notice just read) before the next count from the server. */
export function bumpUnreadBadge(source: keyof UnreadParts, by: number): void {
  showUnreadBadge(unread[source] + by, source)
}

/** The badge's number now, and whenever it changes (首页 says it in words). */
export function onUnreadCount(listener: (count: number) => void): () => void {
  listeners.add(listener)
  listener(badgeCount(unread))
  return () => void listeners.delete(listener)
}

/** Keeps the 消息 badge current from another tab: both counts, read again from the server. */
export function refreshUnreadBadge(): void {
  noticesApi
    .inbox({ limit: BADGE_INBOX_PAGE })
    .then((page) => showUnreadBadge(inboxShare(page.unreadCount, page.items), 'inbox'))
    .catch(() => {})
  messagingApi
    .threads({ limit: 100 })
    .then((page) =>
      showUnreadBadge(
        page.items.reduce((sum, t) => sum + t.unreadCount, 0),
        'threads'
      )
    )
    .catch(() => {})
}

// Signed out: the next person on this phone must not see the last one's count.
api.subscribe((event) => {
  if (event.type !== 'signedOut') return
  unread.inbox = 0
  unread.threads = 0
  show()
})

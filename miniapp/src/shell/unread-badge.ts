import Taro from '@tarojs/taro'
import type { Notification } from '@veterans/shared'
import { api, messagingApi, notificationsApi } from '../api'

/** Position of 消息 in the tab bar (app.config.ts). */
const MESSAGES_TAB_INDEX = 3

/** What is unread, per source: notifications, and staff replies in the person's written questions. */
const unread = { notifications: 0, threads: 0 }
let shown: number | null = null

/** The one number on the 消息 tab: unread notifications plus unread replies, as WeChat writes it (99+). */
export function badgeText(count: number): string | null {
  if (count <= 0) return null
  return count > 99 ? '99+' : String(count)
}

function show(): void {
  const count = unread.notifications + unread.threads
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
 * The badge on the 消息 tab (app-shell, so that 预约, 消息 and the conversations can all keep it current without
 * depending on each other). Each source reports its own count; the tab shows their sum.
 */
export function showUnreadBadge(count: number, source: keyof typeof unread = 'notifications'): void {
  unread[source] = Math.max(0, count)
  show()
}

/** A notice of a staff reply: its thread's unread count already says so (one reply, one on the badge). */
export function isAboutThread(notification: Notification): boolean {
  return !notification.read && typeof notification.data.threadId === 'string'
}

/** Keeps the 消息 badge current from another tab: both counts, read again. */
export function refreshUnreadBadge(): void {
  notificationsApi
    .list({ unread: true, limit: 50 })
    .then((page) => showUnreadBadge(page.unreadCount - page.items.filter(isAboutThread).length, 'notifications'))
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
  unread.notifications = 0
  unread.threads = 0
  show()
})

import Taro from '@tarojs/taro'
import { notificationsApi } from '../api'

/** Position of 消息 in the tab bar (app.config.ts). */
const MESSAGES_TAB_INDEX = 3

/**
 * The unread count as a badge on the 消息 tab (WeChat's own tab bar: app-shell, so that 预约 and 消息 can both keep it
 * current without depending on each other). The browser build's tab bar has no room for an accessible badge; there
 * the 消息 page itself says how many are unread.
 */
export function showUnreadBadge(count: number): void {
  if (process.env.TARO_ENV === 'h5') return
  const done = () => {}
  if (count > 0) void Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: count > 99 ? '99+' : String(count) }).catch(done)
  else void Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX }).catch(done)
}

/** Keeps the 消息 badge current from another tab (the count only; WeChat only). */
export function refreshUnreadBadge(): void {
  if (process.env.TARO_ENV === 'h5') return
  notificationsApi
    .list({ unread: true, limit: 1 })
    .then((page) => showUnreadBadge(page.unreadCount))
    .catch(() => {})
}

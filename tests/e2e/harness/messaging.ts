import type { InboxPage, ThreadPage } from '@veterans/shared'
import type { Page } from 'playwright-core'
import type { Caller } from '../booking-api'

/** Live means faster than the fallback polling (8 s) of the inbox and the conversations: the socket brought it. */
export const LIVE_MS = 4_000

/** A real JPEG drawn by the browser itself (a photo of a "document"), as a phone's camera would give one. */
export async function documentPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = 200
    const g = canvas.getContext('2d')!
    g.fillStyle = '#f5e9c8'
    g.fillRect(0, 0, 320, 200)
    g.fillStyle = '#a4161a'
    g.fillRect(16, 16, 288, 36)
    g.fillStyle = '#1d1d1d'
    g.font = '20px sans-serif'
    g.fillText('优待证 No. 0012345', 24, 100)
    return canvas.toDataURL('image/jpeg', 0.8)
  })
  return Buffer.from(dataUrl.split(',')[1]!, 'base64')
}

/** The number shown on the 消息 tab (0 when there is none, or when the tab bar is not on screen). */
export async function messagesTabBadge(page: Page): Promise<number> {
  const badge = page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).locator('.taro-tabbar-badge')
  if ((await badge.count()) === 0 || !(await badge.isVisible())) return 0
  return Number((await badge.innerText()).trim())
}

/**
 * What the 消息 badge should say for this person, as the server counts it: the inbox's unread (notices and
 * notifications) less the unread notifications of replies, which count once through their thread's unread replies
 * (miniapp/src/shell/unread-count.ts).
 */
export async function unreadOf(person: Caller): Promise<number> {
  const inbox = (await person.call<InboxPage>('GET', '/me/inbox?limit=50')).body
  const aboutThreads = inbox.items.filter(
    (e) => e.kind === 'notification' && !e.read && typeof e.data.threadId === 'string'
  ).length
  const threads = (await person.call<ThreadPage>('GET', '/threads?limit=100')).body
  return inbox.unreadCount - aboutThreads + threads.items.reduce((sum, t) => sum + t.unreadCount, 0)
}

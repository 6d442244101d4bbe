import type { InboxEntry } from '@veterans/shared'

// What 首页 puts in front of the person from their inbox: unread notices by title, and a 候补 that became a booking.

/** At most this many notice titles on 首页; the rest are in 消息. */
export const HOME_NOTICE_TITLES = 3

export interface Attention {
  notices: InboxEntry[]
  promotions: InboxEntry[]
}

export function attentionOf(entries: readonly InboxEntry[]): Attention {
  const unreadNotices = entries.filter((e) => e.kind === 'notice' && !e.read)
  return {
    notices: unreadNotices.slice(0, HOME_NOTICE_TITLES),
    promotions: entries.filter((e) => e.kind === 'notification' && !e.read && e.type === 'booking.promoted')
  }
}

/** "3 条未读消息", or null when there is nothing unread. */
export function unreadWords(count: number): string | null {
  return count > 0 ? `${count > 99 ? '99+' : count} 条未读消息` : null
}

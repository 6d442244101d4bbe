import type { InboxEntry, NoticeListItem } from '@veterans/shared'
import { BOOKING_PAGES } from '../../shell/navigation-pages'
import { bookingDetailUrl } from '../booking/pages'
import { conversationUrl } from '../messaging/pages'
import { policyUrl } from '../policies/paths'
import { noticeUrl } from './paths'

// The one inbox on the phone: notices to many and notifications to one, as entries that say what they are and
// where a tap leads. Pure, so the rules are unit-tested.

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** The short tag before an entry's title: what kind of message it is. */
export function entryLabel(entry: Pick<InboxEntry, 'kind' | 'type'>): string {
  if (entry.kind === 'notice') return '政策通知'
  const type = entry.type
  if (type === 'booking.reminder') return '预约提醒'
  if (type === 'booking.promoted' || type.startsWith('booking.waitlist')) return '候补'
  if (type.startsWith('booking.')) return '预约'
  if (type.startsWith('thread.')) return '咨询答复'
  if (type.startsWith('security.')) return '账号安全'
  return '通知'
}

/** Where tapping an entry leads: the notice, or what the notification is about; null when there is nowhere to go. */
export function entryTarget(entry: Pick<InboxEntry, 'kind' | 'id' | 'data'>): string | null {
  if (entry.kind === 'notice') return noticeUrl(entry.id)
  const { threadId, bookingId, policyId, waitlistId } = entry.data
  if (text(threadId)) return conversationUrl(text(threadId)!)
  if (text(bookingId)) return bookingDetailUrl(text(bookingId)!)
  if (text(policyId)) return policyUrl(text(policyId)!)
  // A 候补 that ended or was skipped: 我的预约 lists the person's 候补.
  if (text(waitlistId)) return BOOKING_PAGES.mine
  return null
}

/** What a screen reader says for an entry's link: unread first, then kind, title and time. */
export function entrySpokenName(entry: Pick<InboxEntry, 'kind' | 'type' | 'title' | 'read'>, when: string): string {
  return `${entry.read ? '' : '未读，'}${entryLabel(entry)}：${entry.title}，${when}`
}

/** A notice from a live `notice.created` frame, as the inbox lists it. */
export function entryOfNotice(notice: NoticeListItem): InboxEntry {
  return {
    kind: 'notice',
    id: notice.id,
    title: notice.title,
    summary: notice.summary,
    at: notice.sentAt,
    read: notice.read,
    type: 'notice',
    data: notice.policyId ? { policyId: notice.policyId } : {}
  }
}

/** Notices and notifications can share an id space only by accident: an entry is known by both. */
export const entryKey = (entry: Pick<InboxEntry, 'kind' | 'id'>) => `${entry.kind}:${entry.id}`

/** Entries newest first, each once (the first copy wins: live frames and fresher pages come first). */
export function mergeEntries(...lists: ReadonlyArray<readonly InboxEntry[]>): InboxEntry[] {
  const seen = new Set<string>()
  const merged: InboxEntry[] = []
  for (const entry of lists.flat()) {
    const key = entryKey(entry)
    if (seen.has(key)) continue
    seen.add(key)
    merged.push(entry)
  }
  return merged.sort((a, b) => b.at.localeCompare(a.at))
}

/** A frame's notice, checked: a malformed frame is ignored rather than shown. */
export function noticeOfFrame(frame: Readonly<Record<string, unknown>>): NoticeListItem | null {
  const n = frame.notice as Partial<NoticeListItem> | undefined
  if (!n || typeof n !== 'object') return null
  if (!text(n.id) || typeof n.title !== 'string' || !text(n.sentAt)) return null
  return {
    id: n.id!,
    title: n.title,
    summary: typeof n.summary === 'string' ? n.summary : '',
    sentAt: n.sentAt!,
    read: n.read === true,
    ...(text(n.policyId) ? { policyId: n.policyId } : {})
  }
}

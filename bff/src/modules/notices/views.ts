import type { InboxEntry, Notice, NoticeListItem, NoticeStats } from '@veterans/shared'
import type { ReceivedRow } from './recipients-repo'

const SUMMARY_LENGTH = 80

/** The Markdown body as plain text, its first 80 characters (whole characters, never half a surrogate pair). */
export function summaryOf(markdown: string): string {
  const plain = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their words
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their words
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '') // headings, quotes, list markers
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = [...plain]
  return chars.length > SUMMARY_LENGTH ? `${chars.slice(0, SUMMARY_LENGTH - 1).join('')}…` : plain
}

/** The list entry a person and their socket see (and the push fields are made from). */
export function toListItem(
  row: Pick<ReceivedRow, 'id' | 'title' | 'body' | 'sentAt' | 'readAt' | 'policyId'>
): NoticeListItem {
  return {
    id: row.id,
    title: row.title,
    summary: summaryOf(row.body),
    sentAt: row.sentAt,
    read: row.readAt !== null,
    ...(row.policyId ? { policyId: row.policyId } : {})
  }
}

export function toNotice(row: ReceivedRow, policyTitle: string | null): Notice {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    sentAt: row.sentAt,
    read: row.readAt !== null,
    readAt: row.readAt,
    ...(row.policyId ? { policyId: row.policyId } : {}),
    ...(row.policyId && policyTitle ? { policyTitle } : {}),
    senderName: row.senderName
  }
}

export function noticeInboxEntry(row: ReceivedRow): InboxEntry {
  return {
    kind: 'notice',
    id: row.id,
    title: row.title,
    summary: summaryOf(row.body),
    at: row.sentAt,
    read: row.readAt !== null,
    type: 'notice',
    data: row.policyId ? { policyId: row.policyId } : {}
  }
}

export function toStats(
  recipientCount: number,
  reach: { inbox: number; read: number; wechat: NoticeStats['delivered']['wechat'] }
): NoticeStats {
  return {
    recipients: Math.max(recipientCount, reach.inbox),
    read: reach.read,
    delivered: { inbox: reach.inbox, wechat: reach.wechat }
  }
}

import { maskName, type Message, type StaffMessage, type StaffThread, type Thread } from '@veterans/shared'
import { slaStateAt } from './sla'
import type { EntryRow, ThreadViewRow } from './thread-projection'

// Rows as each side sees them. Residents: their own words and staff's replies, never an internal note, never
// staff's bookkeeping (assignee, SLA). Staff: everything, with the asker and their veteran masked.

/** What staff see where a closed account's words were. */
export const ERASED_SUBJECT = '（提问人已注销账号，内容已删除）'

export function toThread(row: ThreadViewRow): Thread {
  return {
    id: row.id,
    subject: row.subject,
    category: row.category,
    status: row.status,
    centerId: row.centerId,
    centerName: row.centerName,
    policyId: row.policyId,
    policyTitle: row.policyTitle,
    createdAt: row.createdAt,
    lastMessageAt: row.lastMessageAt,
    lastSeq: row.lastSeq,
    unreadCount: row.unreadCount,
    rating: row.ratingScore
  }
}

/** A message as the resident sees it (only ever called with messages: internal notes are filtered in SQL). */
export function toMessage(row: EntryRow): Message {
  return {
    id: row.id,
    seq: row.seq!,
    authorRole: row.authorRole,
    authorName: row.authorName,
    body: row.body,
    attachments: row.attachments,
    createdAt: row.createdAt
  }
}

const RESIDENT_ROLES = new Set(['resident', 'veteran', 'family'])

export function toStaffThread(row: ThreadViewRow, now: string): StaffThread {
  return {
    id: row.id,
    subject: row.erasedAt ? ERASED_SUBJECT : row.subject,
    category: row.category,
    status: row.status,
    centerId: row.centerId,
    centerName: row.centerName,
    policyId: row.policyId,
    policyTitle: row.policyTitle,
    residentNameMasked: maskName(row.residentName),
    residentRole: (RESIDENT_ROLES.has(row.residentRole) ? row.residentRole : 'resident') as StaffThread['residentRole'],
    veteranNameMasked: row.veteranName ? maskName(row.veteranName) : null,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? '' } : null,
    waitingSince: row.waitingSince,
    slaDueAt: row.slaDueAt,
    slaState: row.slaDueAt ? slaStateAt(row.slaDueAt, now) : null,
    firstResponseAt: row.firstResponseAt,
    slaBreaches: row.slaBreaches,
    rating: row.ratingScore,
    createdAt: row.createdAt,
    lastMessageAt: row.lastMessageAt,
    lastSeq: row.lastSeq,
    lastPosition: row.lastPosition
  }
}

/** An entry as staff see it: the asker's name masked like everywhere else in the inbox, staff names whole. */
export function toStaffMessage(row: EntryRow): StaffMessage {
  return {
    id: row.id,
    position: row.position,
    seq: row.seq,
    internal: row.internal,
    authorRole: row.authorRole,
    authorName: row.authorRole === 'resident' ? maskName(row.authorName) : row.authorName,
    body: row.body,
    attachments: row.attachments,
    createdAt: row.createdAt
  }
}

import type { InboxEntry, InboxPage, ListQuery, Notice, NoticePage, UnreadCount } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { decodeCursor, toPage } from '../../lib/pagination'
import {
  countUnreadNotifications,
  listInboxNotifications,
  markAllNotificationsReadAt,
  type InboxNotificationRow
} from '../notifications/inbox-repo'
import { getPolicy } from '../policies/service'
import { inboxPage } from './inbox-pages'
import { listFieldsOf } from './list-fields'
import * as recipients from './recipients-repo'
import { noticeInboxEntry, summaryOf, toNotice } from './views'

// The resident side: a person sees the notices they received (their notice_recipients row), nobody else's: a
// notice they did not receive is 404 on every route, and never counted.

/** A cursor of the form `<ISO time>|<id>`. */
function timeCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor)
  if (!key) return null
  const [at, id] = key.split('|')
  if (!at || !id) throw fieldError('querystring.cursor', '分页参数无效')
  return { at, id }
}

export async function listMyNotices(ctx: Ctx, userId: string, query: ListQuery): Promise<NoticePage> {
  const limit = query.limit ?? 20
  return inboxPage(ctx.db, userId, `${limit}|${query.cursor ?? ''}`, async () => {
    const before = timeCursor(query.cursor)
    const rows = await recipients.listReceivedKeys(ctx.db, userId, {
      before: before && { sentAt: before.at, id: before.id },
      limit: limit + 1
    })
    const page = toPage(rows, limit, (row) => `${row.sentAt}|${row.id}`)
    const items = await Promise.all(
      page.items.map(async (row) => ({
        id: row.id,
        ...(await listFieldsOf(ctx.db, row.id)),
        sentAt: row.sentAt,
        read: row.readAt !== null
      }))
    )
    return { items, nextCursor: page.nextCursor }
  })
}

async function policyTitle(ctx: Ctx, policyId: string | null) {
  if (!policyId) return null
  try {
    return (await getPolicy(ctx, policyId)).title
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

export async function getMyNotice(ctx: Ctx, userId: string, noticeId: string): Promise<Notice> {
  const row = await recipients.findReceived(ctx.db, userId, noticeId)
  if (!row) throw new AppError('NOT_FOUND')
  return toNotice(row, await policyTitle(ctx, row.policyId))
}

export async function markMyNoticeRead(ctx: Ctx, userId: string, noticeId: string) {
  if (!(await recipients.markRead(ctx.db, userId, noticeId, new Date().toISOString()))) throw new AppError('NOT_FOUND')
}

export async function myUnreadNotices(ctx: Ctx, userId: string): Promise<UnreadCount> {
  return { count: await recipients.countUnread(ctx.db, userId) }
}

function notificationEntry(row: InboxNotificationRow): InboxEntry {
  let data: Record<string, unknown> = {}
  try {
    data = JSON.parse(row.data) as Record<string, unknown>
  } catch {
    // A row written before data was JSON: nothing to open.
  }
  return {
    kind: 'notification',
    id: row.id,
    title: row.title,
    summary: summaryOf(row.body),
    at: row.createdAt,
    read: row.readAt !== null,
    type: row.kind,
    data
  }
}

const newestFirst = (a: InboxEntry, b: InboxEntry) =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1

/**
 * GET /me/inbox: notices and notifications in one list, newest first, one cursor (the last entry's time and id).
 * Each source gives its next page; the merge keeps the newest of both.
 */
export async function myInbox(ctx: Ctx, userId: string, query: ListQuery): Promise<InboxPage> {
  const limit = query.limit ?? 20
  const before = timeCursor(query.cursor)
  const [noticeRows, notificationRows, unreadNotices, unreadNotifications] = await Promise.all([
    recipients.listReceived(ctx.db, userId, {
      before: before && { sentAt: before.at, id: before.id },
      limit: limit + 1
    }),
    listInboxNotifications(ctx.db, userId, { before, limit: limit + 1 }),
    recipients.countUnread(ctx.db, userId),
    countUnreadNotifications(ctx.db, userId)
  ])
  const merged = [...noticeRows.map(noticeInboxEntry), ...notificationRows.map(notificationEntry)]
    .sort(newestFirst)
    .slice(0, limit + 1)
  const page = toPage(merged, limit, (entry) => `${entry.at}|${entry.id}`)
  return { ...page, unreadCount: unreadNotices + unreadNotifications }
}

/** Marks every notice and notification of mine read; answers how many were unread. */
export async function markMyInboxRead(ctx: Ctx, userId: string) {
  const now = new Date().toISOString()
  const [notices, notifications] = await Promise.all([
    recipients.markAllRead(ctx.db, userId, now),
    markAllNotificationsReadAt(ctx.db, userId, now)
  ])
  return { updated: notices + notifications }
}

// Data export and account closing (hooks.ts).

export async function exportReceivedNotices(ctx: Ctx, userId: string) {
  return (await recipients.listAllReceived(ctx.db, userId)).map((row) => ({
    id: row.id,
    title: row.title,
    sentAt: row.sentAt,
    readAt: row.readAt
  }))
}

export async function removeClosingAccount(ctx: Ctx, userId: string) {
  await recipients.removeRecipient(ctx.db, userId)
}

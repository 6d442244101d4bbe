import type { Notification, NotificationPage, NotificationQuery } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError } from '../../lib/app-error'
import { decodeCursor, toPage } from '../../lib/pagination'
import * as repo from './repo'

export { type NotificationInput } from './repo'
export { insertNotifications } from './deliver'

type NotificationRow = Awaited<ReturnType<typeof repo.listNotifications>>[number]

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    data: row.data,
    read: row.readAt !== null,
    readAt: row.readAt,
    createdAt: row.createdAt
  }
}

export async function listMyNotifications(
  ctx: Ctx,
  userId: string,
  query: NotificationQuery
): Promise<NotificationPage> {
  const limit = query.limit ?? 20
  const [rows, unreadCount] = await Promise.all([
    repo.listNotifications(ctx.db, userId, { unread: query.unread, beforeId: decodeCursor(query.cursor), limit }),
    repo.countUnread(ctx.db, userId)
  ])
  const page = toPage(rows, limit, (row) => row.id)
  return { items: page.items.map(toNotification), nextCursor: page.nextCursor, unreadCount }
}

export async function markNotificationRead(ctx: Ctx, userId: string, id: string) {
  if (!(await repo.markRead(ctx.db, userId, id))) throw new AppError('NOT_FOUND')
}

export async function markAllNotificationsRead(ctx: Ctx, userId: string) {
  return { updated: await repo.markAllRead(ctx.db, userId) }
}

/** The data-export section: everything this person was told. */
export async function exportNotifications(ctx: Ctx, userId: string) {
  return (await repo.listAllNotifications(ctx.db, userId)).map(toNotification)
}

import { and, count, desc, eq, isNull, lt } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { query, rowsChanged } from '../../db/query'
import { notifications } from '../../db/schema/index'
import { newId } from '../../lib/ids'

export interface NotificationInput {
  userId: string
  kind: string
  title: string
  body: string
  data?: Record<string, unknown>
  /** Also as a WeChat subscription message, for those who want it: the template's values and the page it opens. */
  push?: { fields: Record<string, string>; page: string; urgent?: boolean }
}

// Prepared once per connection: most bookings, cancellations and replies tell someone.
const INSERT_SQL = `INSERT INTO notifications (id, user_id, kind, title, body, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`

/**
 * Inserts notifications inside the caller's transaction, so a person is told exactly when the change commits.
 * Answers each one's id, in order.
 */
export async function insertNotificationRows(
  tx: Conn,
  inputs: NotificationInput[],
  at: string = new Date().toISOString()
): Promise<string[]> {
  if (inputs.length === 0) return []
  const rows = inputs.map((n) => ({
    id: newId(),
    userId: n.userId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    data: n.data ?? {},
    createdAt: at
  }))
  const insert = query(tx, INSERT_SQL)
  for (const row of rows)
    await insert.run(row.id, row.userId, row.kind, row.title, row.body, JSON.stringify(row.data), row.createdAt)
  return rows.map((row) => row.id)
}

/** Newest first; `beforeId` pages backwards (ids sort by time). */
export async function listNotifications(
  db: Db,
  userId: string,
  filter: { unread?: boolean; beforeId: string | null; limit: number }
) {
  const conditions = [
    eq(notifications.userId, userId),
    filter.unread ? isNull(notifications.readAt) : undefined,
    filter.beforeId ? lt(notifications.id, filter.beforeId) : undefined
  ].filter((c) => c !== undefined)
  return db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(filter.limit + 1)
}

export async function countUnread(db: Db, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return row?.n ?? 0
}

/** False when the notification is not this person's. Reading twice keeps the first time. */
export async function markRead(db: Db, userId: string, id: string) {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
  if (!row) return false
  if (!row.readAt) {
    await db
      .update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
  }
  return true
}

export async function markAllRead(db: Db, userId: string) {
  return rowsChanged(
    await db
      .update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  )
}

/** Every notification of a person, oldest first (data export). */
export async function listAllNotifications(db: Db, userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id)
}

import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'

// The notifications' part of a person's one inbox (GET /me/inbox, composed by the notices capability): the same
// rows as GET /me/notifications, paged by time so that they interleave with notices.

export interface InboxNotificationRow {
  id: string
  kind: string
  title: string
  body: string
  data: string
  createdAt: string
  readAt: string | null
}

const PAGE_SQL = `SELECT id, kind, title, body, data, created_at AS createdAt, read_at AS readAt FROM notifications
  WHERE user_id = @userId
    AND (@beforeAt IS NULL OR created_at < @beforeAt OR (created_at = @beforeAt AND id < @beforeId))
  ORDER BY created_at DESC, id DESC LIMIT @limit`

/** A person's notifications newest first, before (at, id) when paging. */
export async function listInboxNotifications(
  db: Db,
  userId: string,
  page: { before: { at: string; id: string } | null; limit: number }
): Promise<InboxNotificationRow[]> {
  return query<InboxNotificationRow>(db, PAGE_SQL).all({
    userId,
    beforeAt: page.before?.at ?? null,
    beforeId: page.before?.id ?? null,
    limit: page.limit
  })
}

const UNREAD_SQL = 'SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL'

export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  // count(*) always answers one row.
  return (await query(db, UNREAD_SQL).value<number>(userId))!
}

export async function markAllNotificationsReadAt(db: Db, userId: string, now: string): Promise<number> {
  return groupCommit(db, (tx) =>
    query(tx, 'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(now, userId)
  )
}

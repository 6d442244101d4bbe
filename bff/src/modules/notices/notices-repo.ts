import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { NoticeAudience, NoticeStatus } from '@veterans/shared'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query, rowsChanged } from '../../db/query'
import { notices, users } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

// The notices themselves, as staff draft, approve and send them. Every staff write commits with its audit entry.

export type NoticeRow = typeof notices.$inferSelect
export type NewNoticeRow = typeof notices.$inferInsert

export interface NoticeWithNames {
  notice: NoticeRow
  authorName: string
  approverName: string | null
}

// The approver's name by a subquery rather than a join of an aliased users table: PostgreSQL's dialect renders a
// join of an aliased SQLite table without its alias.
const approverName = sql<string | null>`(SELECT a.display_name FROM users a WHERE a.id = ${notices.approverId})`

export async function findNotice(db: Db | Conn, id: string): Promise<NoticeWithNames | null> {
  const [row] = await db
    .select({ notice: notices, authorName: users.displayName, approverName })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.authorId))
    .where(eq(notices.id, id))
  return row ?? null
}

export async function insertNotice(db: Db, row: NewNoticeRow, audit: AuditEntryInput) {
  await groupCommit(db, async (tx) => {
    await tx.insert(notices).values(row)
    await insertAudit(tx, audit, row.createdAt)
  })
}

export interface NoticeContent {
  title: string
  body: string
  policyId: string | null
  audience: NoticeAudience
  cityWide: boolean
}

/** Changes a draft; false when it is no longer a draft (sent or submitted meanwhile). */
export async function updateDraft(db: Db, id: string, content: NoticeContent, now: string, audit: AuditEntryInput) {
  return groupCommit(db, async (tx) => {
    const changed = rowsChanged(
      await tx
        .update(notices)
        .set({ ...content, updatedAt: now })
        .where(and(eq(notices.id, id), eq(notices.status, 'draft')))
    )
    if (changed === 1) await insertAudit(tx, audit, now)
    return changed === 1
  })
}

export async function deleteDraft(db: Db, id: string, audit: AuditEntryInput) {
  return groupCommit(db, async (tx) => {
    const changed = rowsChanged(await tx.delete(notices).where(and(eq(notices.id, id), eq(notices.status, 'draft'))))
    if (changed === 1) await insertAudit(tx, audit)
    return changed === 1
  })
}

/** Moves a notice from one status to the next, only if it is still in `from`; false when it was not. */
export async function moveStatus(
  db: Db,
  input: { id: string; from: NoticeStatus; to: NoticeStatus; approverId?: string },
  audit: AuditEntryInput
) {
  return groupCommit(db, async (tx) => {
    const now = new Date().toISOString()
    const changed = rowsChanged(
      await tx
        .update(notices)
        .set({ status: input.to, updatedAt: now, ...(input.approverId ? { approverId: input.approverId } : {}) })
        .where(and(eq(notices.id, input.id), eq(notices.status, input.from)))
    )
    if (changed === 1) await insertAudit(tx, audit, now)
    return changed === 1
  })
}

/** Inside the send transaction: sending starts, with the recipient count fixed and the fan-out at its start. */
export async function startSendingIn(tx: Conn, id: string, from: NoticeStatus, recipientCount: number, now: string) {
  return (
    rowsChanged(
      await tx
        .update(notices)
        .set({ status: 'sending', recipientCount, sentAt: now, updatedAt: now, fanoutCursor: '' })
        .where(and(eq(notices.id, id), eq(notices.status, from)))
    ) === 1
  )
}

export async function sendStateIn(tx: Conn | Db, id: string) {
  return (
    (await query<{ status: NoticeStatus; fanoutCursor: string | null }>(
      tx,
      'SELECT status, fanout_cursor AS fanoutCursor FROM notices WHERE id = ?'
    ).get(id)) ?? null
  )
}

/** Inside a batch's transaction: the fan-out got this far (the next batch, or a restart, goes on from here). */
export async function advanceCursorIn(tx: Conn, id: string, cursor: string) {
  await query(tx, "UPDATE notices SET fanout_cursor = ? WHERE id = ? AND status = 'sending'").run(cursor, id)
}

/** Inside the last batch's transaction: every recipient has it; the count becomes what the inboxes hold. */
export async function finishSendingIn(tx: Conn, id: string, now: string) {
  await query(
    tx,
    `UPDATE notices SET status = 'sent', fanout_done_at = @now, updated_at = @now,
      recipient_count = (SELECT count(*) FROM notice_recipients WHERE notice_id = @id)
    WHERE id = @id AND status = 'sending'`
  ).run({ id, now })
}

export async function listSendingIds(db: Db): Promise<string[]> {
  return query(db, "SELECT id FROM notices WHERE status = 'sending' ORDER BY id").values<string>()
}

/** Staff's list, newest first; district staff see the notices of their district only (`scopeDistrictCode`). */
export async function listNotices(
  db: Db,
  filter: { status?: NoticeStatus; scopeDistrictCode: string | null; beforeId: string | null; limit: number }
) {
  const conditions = [
    filter.status ? eq(notices.status, filter.status) : undefined,
    filter.scopeDistrictCode ? eq(notices.scopeDistrictCode, filter.scopeDistrictCode) : undefined,
    filter.beforeId ? lt(notices.id, filter.beforeId) : undefined
  ].filter((c) => c !== undefined)
  return await db
    .select({ notice: notices, authorName: users.displayName })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.authorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(notices.id))
    .limit(filter.limit + 1)
}

const READ_COUNTS_SQL = `SELECT notice_id AS noticeId, count(*) AS read FROM notice_recipients
  WHERE notice_id IN (SELECT value FROM json_each(?)) AND read_at IS NOT NULL GROUP BY notice_id`

/** How many recipients have read each of these notices. */
export async function readCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = await query<{ noticeId: string; read: number }>(db, READ_COUNTS_SQL).all(JSON.stringify(ids))
  return new Map(rows.map((r) => [r.noticeId, r.read]))
}

const INBOX_STATS_SQL = `SELECT count(*) AS inbox, count(read_at) AS read FROM notice_recipients WHERE notice_id = ?`
const WECHAT_STATS_SQL = `SELECT status, count(*) AS n FROM push_deliveries
  WHERE source_type = 'notice' AND source_id = ? GROUP BY status`

/** A notice's reach: rows in inboxes, read ones, and WeChat deliveries by state. */
export async function reachOf(db: Db, id: string) {
  const inbox = (await query<{ inbox: number; read: number }>(db, INBOX_STATS_SQL).get(id))!
  const wechat = await query<{ status: string; n: number }>(db, WECHAT_STATS_SQL).all(id)
  const of = (status: string) => wechat.find((w) => w.status === status)?.n ?? 0
  return {
    inbox: inbox.inbox,
    read: inbox.read,
    wechat: {
      pending: of('pending'),
      sent: of('sent'),
      failedTemporary: of('failed_temporary'),
      failedPermanent: of('failed_permanent')
    }
  }
}

import { eq, sql } from 'drizzle-orm'
import type { Upload } from '@veterans/shared'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Conn } from '../../db/client'
import { query } from '../../db/query'
import { centers, threadMessages, threads, users, veterans } from '../../db/schema/index'

// A thread as every thread query reads it: its row, its center's name, who asked (and for which veteran), who
// is assigned, and how many staff messages the resident has not read yet.

const resident = alias(users, 'resident')
const assignee = alias(users, 'assignee')

const threadView = {
  id: threads.id,
  residentUserId: threads.residentUserId,
  // The aliased users' columns as SQL: see residentTable below
  residentName: sql<string>`${resident.displayName}`,
  residentRole: sql<(typeof users.role)['_']['data']>`${resident.role}`,
  veteranId: threads.veteranId,
  veteranName: veterans.name,
  veteranDistrictCode: veterans.districtCode,
  veteranCategory: veterans.category,
  centerId: threads.centerId,
  centerName: centers.name,
  category: threads.category,
  subject: threads.subject,
  status: threads.status,
  policyId: threads.policyId,
  policyTitle: threads.policyTitle,
  assigneeId: threads.assigneeId,
  assigneeName: sql<string | null>`${assignee.displayName}`,
  lastSeq: threads.lastSeq,
  lastPosition: threads.lastPosition,
  residentReadSeq: threads.residentReadSeq,
  lastMessageAt: threads.lastMessageAt,
  waitingSince: threads.waitingSince,
  slaDueAt: threads.slaDueAt,
  firstResponseAt: threads.firstResponseAt,
  slaBreaches: threads.slaBreaches,
  ratingScore: threads.ratingScore,
  ratedAt: threads.ratedAt,
  erasedAt: threads.erasedAt,
  createdAt: threads.createdAt,
  unreadCount: sql<number>`(SELECT COUNT(*) FROM ${threadMessages} WHERE ${threadMessages.threadId} = ${threads.id}
    AND ${threadMessages.authorRole} = 'staff' AND ${threadMessages.seq} > ${threads.residentReadSeq})`
}

// The aliased users joined as SQL ("users" "resident"): a SQLite alias is no PgTable, so PostgreSQL's dialect would
// render it as its alias name alone (and refuse its columns as fields of a table not joined, hence sql above).
const residentTable = sql`${users} ${resident}`
const assigneeTable = sql`${users} ${assignee}`

export function selectThreadViews(conn: Conn) {
  return conn
    .select(threadView)
    .from(threads)
    .innerJoin(centers, eq(centers.id, threads.centerId))
    .innerJoin(residentTable, eq(resident.id, threads.residentUserId))
    .leftJoin(veterans, eq(veterans.id, threads.veteranId))
    .leftJoin(assigneeTable, eq(assignee.id, threads.assigneeId))
}

export type ThreadViewRow = ReturnType<ReturnType<typeof selectThreadViews>['all']>[number]

// One thread by id, read inside every messaging transaction: the same view as plain SQL prepared once per
// connection (drizzle's prepared query still maps each row through its column list, which costs as much as the
// join itself). Keep it in step with threadView above.
const THREAD_VIEW_BY_ID_SQL = `SELECT t.id, t.resident_user_id AS residentUserId, r.display_name AS residentName,
  r.role AS residentRole, t.veteran_id AS veteranId, v.name AS veteranName, v.district_code AS veteranDistrictCode,
  v.category AS veteranCategory, t.center_id AS centerId, c.name AS centerName, t.category, t.subject, t.status,
  t.policy_id AS policyId, t.policy_title AS policyTitle, t.assignee_id AS assigneeId, a.display_name AS assigneeName,
  t.last_seq AS lastSeq, t.last_position AS lastPosition, t.resident_read_seq AS residentReadSeq,
  t.last_message_at AS lastMessageAt, t.waiting_since AS waitingSince, t.sla_due_at AS slaDueAt,
  t.first_response_at AS firstResponseAt, t.sla_breaches AS slaBreaches, t.rating_score AS ratingScore,
  t.rated_at AS ratedAt, t.erased_at AS erasedAt, t.created_at AS createdAt,
  (SELECT COUNT(*) FROM thread_messages m WHERE m.thread_id = t.id AND m.author_role = 'staff'
    AND m.seq > t.resident_read_seq) AS unreadCount
  FROM threads t
  JOIN centers c ON c.id = t.center_id
  JOIN users r ON r.id = t.resident_user_id
  LEFT JOIN veterans v ON v.id = t.veteran_id
  LEFT JOIN users a ON a.id = t.assignee_id
  WHERE t.id = @threadId`

export function threadViewOf(conn: Conn, threadId: string): Promise<ThreadViewRow | undefined> {
  return query<ThreadViewRow>(conn, THREAD_VIEW_BY_ID_SQL).get({ threadId })
}

const messageView = {
  id: threadMessages.id,
  threadId: threadMessages.threadId,
  seq: threadMessages.seq,
  position: threadMessages.position,
  internal: threadMessages.internal,
  authorRole: threadMessages.authorRole,
  authorName: users.displayName,
  body: threadMessages.body,
  createdAt: threadMessages.createdAt
}

export function selectMessageViews(conn: Conn) {
  return conn.select(messageView).from(threadMessages).innerJoin(users, eq(users.id, threadMessages.authorUserId))
}

export type MessageViewRow = ReturnType<ReturnType<typeof selectMessageViews>['all']>[number]

// One entry by id, read after every post: plain SQL as for the thread above. Keep it in step with messageView.
const ENTRY_VIEW_BY_ID_SQL = `SELECT m.id, m.thread_id AS threadId, m.seq, m.position, m.internal,
  m.author_role AS authorRole, u.display_name AS authorName, m.body, m.created_at AS createdAt
  FROM thread_messages m JOIN users u ON u.id = m.author_user_id WHERE m.id = @messageId`

export async function entryViewOf(conn: Conn, messageId: string): Promise<MessageViewRow | undefined> {
  // internal is 0/1 on SQLite, a boolean on PostgreSQL
  const row = await query<Omit<MessageViewRow, 'internal'> & { internal: number | boolean }>(
    conn,
    ENTRY_VIEW_BY_ID_SQL
  ).get({ messageId })
  return row && { ...row, internal: Boolean(row.internal) }
}

/** An entry with its photos (uploads claimed with its id). */
export type EntryRow = MessageViewRow & { attachments: Upload[] }

import { eq, sql } from 'drizzle-orm'
import type { Upload } from '@veterans/shared'
import { alias } from 'drizzle-orm/sqlite-core'
import { perConnection, type Conn } from '../../db/client'
import { centers, threadMessages, threads, users, veterans } from '../../db/schema/index'

// A thread as every thread query reads it: its row, its center's name, who asked (and for which veteran), who
// is assigned, and how many staff messages the resident has not read yet.

const resident = alias(users, 'resident')
const assignee = alias(users, 'assignee')

const threadView = {
  id: threads.id,
  residentUserId: threads.residentUserId,
  residentName: resident.displayName,
  residentRole: resident.role,
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
  assigneeName: assignee.displayName,
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

export function selectThreadViews(conn: Conn) {
  return conn
    .select(threadView)
    .from(threads)
    .innerJoin(centers, eq(centers.id, threads.centerId))
    .innerJoin(resident, eq(resident.id, threads.residentUserId))
    .leftJoin(veterans, eq(veterans.id, threads.veteranId))
    .leftJoin(assignee, eq(assignee.id, threads.assigneeId))
}

export type ThreadViewRow = ReturnType<ReturnType<typeof selectThreadViews>['all']>[number]

// One thread, or one entry, by id: prepared once per connection. Built and prepared by drizzle on each call, these
// joins cost more than everything else of posting a message (tests/bench/messaging.bench.ts).
const threadViewById = perConnection((db) =>
  selectThreadViews(db)
    .where(eq(threads.id, sql.placeholder('threadId')))
    .prepare()
)

export function threadViewOf(conn: Conn, threadId: string): ThreadViewRow | undefined {
  return threadViewById(conn).get({ threadId })
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

const entryViewById = perConnection((db) =>
  selectMessageViews(db)
    .where(eq(threadMessages.id, sql.placeholder('messageId')))
    .prepare()
)

export function entryViewOf(conn: Conn, messageId: string): MessageViewRow | undefined {
  return entryViewById(conn).get({ messageId })
}

/** An entry with its photos (uploads claimed with its id). */
export type EntryRow = MessageViewRow & { attachments: Upload[] }

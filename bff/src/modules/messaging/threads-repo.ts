import { and, asc, desc, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { ThreadStatus } from '@veterans/shared'
import type { Db } from '../../db/client'
import { threadMessages, threads, users } from '../../db/schema/index'
import { entryViewOf, selectMessageViews, selectThreadViews, threadViewOf } from './thread-projection'

// Reading threads and their entries: a resident's, the staff inbox, a data export.

export async function findThreadView(db: Db, threadId: string) {
  return (await threadViewOf(db, threadId)) ?? null
}

export interface ResidentThreadsFilter {
  userId: string
  status?: ThreadStatus
  /** lastMessageAt and id of the last row of the previous page. */
  after: { lastMessageAt: string; id: string } | null
  limit: number
}

/** A resident's own threads, newest activity first. */
export async function listResidentThreads(db: Db, f: ResidentThreadsFilter) {
  const cursor = f.after
    ? or(
        lt(threads.lastMessageAt, f.after.lastMessageAt),
        and(eq(threads.lastMessageAt, f.after.lastMessageAt), lt(threads.id, f.after.id))
      )
    : undefined
  return selectThreadViews(db)
    .where(and(eq(threads.residentUserId, f.userId), f.status ? eq(threads.status, f.status) : undefined, cursor))
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(f.limit + 1)
}

export interface StaffQueueFilter {
  /** Only this center's threads; null: every center. */
  centerId: string | null
  status?: ThreadStatus
  /** A staff member's id (assigned to them), 'unassigned', or undefined for any. */
  assignee?: { userId: string } | 'unassigned'
  offset: number
  limit: number
}

/** The inbox: longest-waiting first; threads nobody waits on after them, latest activity first. */
export async function listStaffQueue(db: Db, f: StaffQueueFilter) {
  const assigned =
    f.assignee === 'unassigned'
      ? isNull(threads.assigneeId)
      : f.assignee
        ? eq(threads.assigneeId, f.assignee.userId)
        : undefined
  return selectThreadViews(db)
    .where(
      and(
        f.centerId ? eq(threads.centerId, f.centerId) : undefined,
        f.status ? eq(threads.status, f.status) : undefined,
        assigned
      )
    )
    .orderBy(
      sql`${threads.waitingSince} IS NULL`,
      asc(threads.waitingSince),
      desc(threads.lastMessageAt),
      desc(threads.id)
    )
    .limit(f.limit + 1)
    .offset(f.offset)
}

/** The messages a resident sees (never internal notes), by seq. */
export async function listPublicMessages(db: Db, threadId: string, afterSeq: number, limit: number) {
  return selectMessageViews(db)
    .where(and(eq(threadMessages.threadId, threadId), isNotNull(threadMessages.seq), gt(threadMessages.seq, afterSeq)))
    .orderBy(asc(threadMessages.seq))
    .limit(limit + 1)
}

/** Every entry of a thread, internal notes included, by position (staff only). */
export async function listAllEntries(db: Db, threadId: string, afterPosition: number, limit: number) {
  return selectMessageViews(db)
    .where(and(eq(threadMessages.threadId, threadId), gt(threadMessages.position, afterPosition)))
    .orderBy(asc(threadMessages.position))
    .limit(limit + 1)
}

export async function findEntry(db: Db, messageId: string) {
  return (await entryViewOf(db, messageId)) ?? null
}

/** A staff account that may be given threads: active, staff or admin, with its center. */
export async function findStaffAccount(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, centerId: users.centerId, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, 'staff'), eq(users.status, 'active')))
  return row ?? null
}

/** The active staff accounts of one center, by name (whom a thread of that center can be given to). */
export async function listStaffOfCenter(db: Db, centerId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(eq(users.kind, 'staff'), eq(users.role, 'staff'), eq(users.status, 'active'), eq(users.centerId, centerId))
    )
    .orderBy(asc(users.displayName))
}

/** A person's threads and the messages in them that they can see, oldest first (data export). */
export async function listThreadsForExport(db: Db, userId: string) {
  return selectThreadViews(db).where(eq(threads.residentUserId, userId)).orderBy(asc(threads.createdAt))
}

export async function listPublicMessagesForExport(db: Db, userId: string) {
  return selectMessageViews(db)
    .innerJoin(threads, eq(threads.id, threadMessages.threadId))
    .where(and(eq(threads.residentUserId, userId), eq(threadMessages.internal, false)))
    .orderBy(asc(threads.createdAt), asc(threadMessages.seq))
}

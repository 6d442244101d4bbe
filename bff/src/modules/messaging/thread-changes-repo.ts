import type { Topic } from '@veterans/shared'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { lockingCommit, type RowLocks } from '../../db/row-locks'
import { threads } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'
import { claimAttachments } from '../uploads/service'
import { idempotencyKeyUsedIn, idempotencyLockOf, recordIdempotentResponseIn } from '../platform/idempotency-repo'
import { done, refuse, type IdempotentAnswer, type Outcome } from './outcome'
import { slaDueAt } from './sla'
import { notifyAbout } from './thread-notifications'
import { threadViewOf, type EntryRow, type ThreadViewRow } from './thread-projection'
import {
  appendEntryIn,
  appendResidentMessageIn,
  endWaitingIn,
  entryViewIn,
  startWaitingIn,
  threadStateIn,
  threadViewIn,
  type ThreadState
} from './thread-steps'

// What people and staff do to threads, each in one BEGIN IMMEDIATE transaction (a group-commit savepoint, see
// db/group-commit.ts) that awaits nothing but its own queries. The thread's counters are moved there, the
// Idempotency-Key claimed and answered there, notifications and audit entries written there: all commit together or
// not at all. On PostgreSQL the transaction is READ COMMITTED and first locks the thread and the key
// (db/row-locks.ts): writes to one thread take turns, writes to different threads never hold each other up.

/** Inside a transaction: a key already answered is 'replay', else the write is decided and its answer recorded. */
async function idempotentIn<T>(
  tx: Conn,
  idempotency: IdempotentAnswer<T> | null,
  decide: (tx: Conn, now: string) => Promise<Outcome<T>>
): Promise<Outcome<T> | 'replay'> {
  if (idempotency && (await idempotencyKeyUsedIn(tx, idempotency.request.scope))) return 'replay'
  const now = new Date().toISOString()
  const outcome = await decide(tx, now)
  if (idempotency) {
    const { status, body } = idempotency.respond(outcome)
    await recordIdempotentResponseIn(tx, idempotency.request, status, body, now)
  }
  return outcome
}

/** Runs a write that may carry an Idempotency-Key in its own transaction (see idempotentIn), `thread` locked. */
function idempotentTx<T>(
  db: Db,
  thread: string | null,
  idempotency: IdempotentAnswer<T> | null,
  decide: (tx: Conn, now: string) => Promise<Outcome<T>>
): Promise<Outcome<T> | 'replay'> {
  return lockingCommit(db, locksFor(thread, idempotency), (tx) => idempotentIn(tx, idempotency, decide))
}

function locksFor(thread: string | null, idempotency: IdempotentAnswer<unknown> | null): RowLocks {
  return { keys: idempotencyLockOf(idempotency?.request), threads: thread ? [thread] : [] }
}

export interface NewThread {
  residentUserId: string
  veteranId: string | null
  centerId: string
  category: Topic
  subject: string
  policyId: string | null
  policyTitle: string | null
  body: string
  /** The resident's own uploads, not yet attached: claimed in the transaction (anything else: 400, nothing written). */
  attachmentIds: string[]
}

/** A new question: the thread and its first message (seq 1); the resident waits from now. */
export async function createThread(db: Db, input: NewThread, idempotency: IdempotentAnswer<ThreadViewRow> | null) {
  return idempotentTx(db, null, idempotency, async (tx, now) => {
    const id = newId()
    await tx.insert(threads).values({
      id,
      residentUserId: input.residentUserId,
      veteranId: input.veteranId,
      centerId: input.centerId,
      category: input.category,
      subject: input.subject,
      status: 'open',
      policyId: input.policyId,
      policyTitle: input.policyTitle,
      lastMessageAt: now,
      createdAt: now,
      updatedAt: now
    })
    const messageId = await appendEntryIn(
      tx,
      { threadId: id, internal: false, authorUserId: input.residentUserId, authorRole: 'resident', body: input.body },
      now
    )
    await claimAttachments(tx, input.residentUserId, input.attachmentIds, id, messageId)
    await startWaitingIn(tx, id, now, slaDueAt(now))
    return done(await threadViewIn(tx, id))
  })
}

export interface ResidentMessage {
  threadId: string
  userId: string
  body: string
  /** The resident's own uploads, not yet attached: claimed in the transaction (anything else: 400, nothing written). */
  attachmentIds: string[]
}

export type ResidentMessageAdded = { entry: EntryRow; thread: ThreadViewRow }

/**
 * A resident's message: it reopens a pending or resolved thread and starts (or continues) the wait for staff.
 * Someone else's thread is not found before any Idempotency-Key is looked at or recorded. Answers the entry and
 * the thread as committed, for the answer and the live frames: the thread is read once, before the change, and
 * nothing is read back after it (see appendResidentMessageIn).
 */
export async function postResidentMessage(
  db: Db,
  input: ResidentMessage,
  idempotency: IdempotentAnswer<ResidentMessageAdded> | null
): Promise<Outcome<ResidentMessageAdded> | 'replay'> {
  return lockingCommit(db, locksFor(input.threadId, idempotency), async (tx) => {
    const thread = await threadViewOf(tx, input.threadId)
    if (!thread || thread.residentUserId !== input.userId || thread.erasedAt) return refuse('NOT_FOUND')
    return idempotentIn(tx, idempotency, async (tx, now) => {
      const added = await appendResidentMessageIn(tx, thread, input.body, now)
      const attachments = await claimAttachments(tx, input.userId, input.attachmentIds, thread.id, added.entry.id)
      await notifyAbout.residentMessage(tx, thread, input.body, now)
      return done({ entry: { ...added.entry, attachments }, thread: added.thread })
    })
  })
}

export interface StaffEntry {
  threadId: string
  staffUserId: string
  body: string
  internal: boolean
  /** Answer and resolve at once; otherwise a reply leaves the thread pending (waiting for the resident). */
  resolve: boolean
  audit: AuditEntryInput
}

export type StaffEntryAdded = { entry: EntryRow; thread: ThreadViewRow }

/**
 * A staff reply or internal note. A reply ends the resident's wait (a late one counts as a breach), records the
 * first response time and tells the resident; a note changes nothing a resident can see.
 */
export async function postStaffEntry(
  db: Db,
  input: StaffEntry,
  idempotency: IdempotentAnswer<StaffEntryAdded> | null = null
) {
  return idempotentTx<StaffEntryAdded>(db, input.threadId, idempotency, async (tx, now) => {
    const thread = await threadStateIn(tx, input.threadId)
    if (!thread) return refuse('NOT_FOUND')
    const id = await appendEntryIn(
      tx,
      {
        threadId: thread.id,
        internal: input.internal,
        authorUserId: input.staffUserId,
        authorRole: 'staff',
        body: input.body
      },
      now
    )
    if (!input.internal) {
      await endWaitingIn(tx, thread.id, now, input.resolve ? 'resolved' : 'pending', true)
      if (!thread.erasedAt) await notifyAbout.staffReply(tx, thread, input.body, now)
    }
    await insertAudit(tx, { ...input.audit, detail: { ...input.audit.detail, messageId: id } }, now)
    return done({
      entry: { ...(await entryViewIn(tx, id)), attachments: [] },
      thread: await threadViewIn(tx, thread.id)
    })
  })
}

/** Staff set the status: open makes the resident wait again (from now), pending and resolved end the wait. */
export async function setThreadStatus(
  db: Db,
  input: { threadId: string; status: ThreadState['status']; audit: AuditEntryInput }
): Promise<Outcome<ThreadViewRow>> {
  return lockingCommit(db, { threads: [input.threadId] }, async (tx) => {
    const now = new Date().toISOString()
    const thread = await threadStateIn(tx, input.threadId)
    if (!thread) return refuse('NOT_FOUND')
    if (thread.status === input.status) return done(await threadViewIn(tx, thread.id))
    if (input.status === 'open') await startWaitingIn(tx, thread.id, now, slaDueAt(now))
    else await endWaitingIn(tx, thread.id, now, input.status, false)
    await insertAudit(tx, { ...input.audit, detail: { ...input.audit.detail, from: thread.status } }, now)
    return done(await threadViewIn(tx, thread.id))
  })
}

const ASSIGN_SQL = 'UPDATE threads SET assignee_id = @assigneeId, updated_at = @now WHERE id = @threadId'

/** Gives the thread to a staff member (who hears of it, unless they took it themselves). */
export async function assignThread(
  db: Db,
  input: { threadId: string; assigneeId: string; actorId: string; actorName: string; audit: AuditEntryInput }
): Promise<Outcome<ThreadViewRow>> {
  return lockingCommit(db, { threads: [input.threadId] }, async (tx) => {
    const now = new Date().toISOString()
    const thread = await threadStateIn(tx, input.threadId)
    if (!thread) return refuse('NOT_FOUND')
    if (thread.assigneeId === input.assigneeId) return done(await threadViewIn(tx, thread.id))
    await query(tx, ASSIGN_SQL).run({ threadId: thread.id, assigneeId: input.assigneeId, now })
    await insertAudit(tx, { ...input.audit, detail: { ...input.audit.detail, from: thread.assigneeId } }, now)
    if (input.assigneeId !== input.actorId)
      await notifyAbout.assigned(tx, thread, input.assigneeId, input.actorName, now)
    return done(await threadViewIn(tx, thread.id))
  })
}

// The read marker only moves forward, and never past the last message.
const MARK_READ_SQL = `UPDATE threads SET resident_read_seq = MAX(resident_read_seq, MIN(@seq, last_seq))
  WHERE id = @threadId AND resident_user_id = @userId`

export async function markRead(db: Db, input: { threadId: string; userId: string; seq: number }) {
  // One statement that reads the row as it finds it: no need for PostgreSQL's SERIALIZABLE.
  return groupCommit(db, async (tx) => (await query(tx, MARK_READ_SQL).run(input)) === 1, 'READ COMMITTED')
}

// Once, and only when resolved: the conditional UPDATE decides, whatever the concurrency.
const RATE_SQL = `UPDATE threads SET rating_score = @score, rated_at = @now, updated_at = @now
  WHERE id = @threadId AND resident_user_id = @userId AND status = 'resolved' AND rating_score IS NULL
  RETURNING rated_at AS ratedAt`
const RATING_STATE_SQL =
  'SELECT status, rating_score AS ratingScore FROM threads WHERE id = @threadId AND resident_user_id = @userId'

export async function rateThread(
  db: Db,
  input: { threadId: string; userId: string; score: number }
): Promise<Outcome<{ ratedAt: string }>> {
  return groupCommit(db, async (tx) => {
    const now = new Date().toISOString()
    const rated = await query<{ ratedAt: string }>(tx, RATE_SQL).get({ ...input, now })
    if (rated) return done(rated)
    const state = await query<{ status: string; ratingScore: number | null }>(tx, RATING_STATE_SQL).get(input)
    if (!state) return refuse('NOT_FOUND')
    if (state.ratingScore !== null) return refuse('NOT_RATEABLE', '您已评价过这次咨询，感谢您的反馈')
    return refuse('NOT_RATEABLE', '咨询办结后才能评价；如问题已解决，可等待工作人员标记办结')
  })
}

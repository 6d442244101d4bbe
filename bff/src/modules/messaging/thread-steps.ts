import type { Conn } from '../../db/client'
import { query } from '../../db/query'
import { newId } from '../../lib/ids'
import { slaDueAt, workingTimeBetween } from './sla'
import { entryViewOf, threadViewOf, type MessageViewRow, type ThreadViewRow } from './thread-projection'

// The steps the messaging transactions are made of. Each runs inside a BEGIN IMMEDIATE transaction and awaits only
// the database (see db/group-commit.ts), so the numbers a thread hands out cannot be taken twice or skipped.

/** The thread row as the transactions need it. */
export interface ThreadState {
  id: string
  residentUserId: string
  subject: string
  status: 'open' | 'pending' | 'resolved'
  assigneeId: string | null
  waitingSince: string | null
  erasedAt: string | null
}

const THREAD_STATE_SQL = `SELECT id, resident_user_id AS residentUserId, subject, status, assignee_id AS assigneeId,
  waiting_since AS waitingSince, erased_at AS erasedAt FROM threads WHERE id = @threadId`

export function threadStateIn(tx: Conn, threadId: string): Promise<ThreadState | undefined> {
  return query<ThreadState>(tx, THREAD_STATE_SQL).get({ threadId })
}

// The two counters of a thread, moved by the statement that reads them back: no other writer can slip between.
const NEXT_PUBLIC_SQL = `UPDATE threads SET last_seq = last_seq + 1, last_position = last_position + 1,
  last_message_at = @now, updated_at = @now WHERE id = @threadId RETURNING last_seq AS seq, last_position AS position`
const NEXT_NOTE_SQL = `UPDATE threads SET last_position = last_position + 1, updated_at = @now WHERE id = @threadId
  RETURNING NULL AS seq, last_position AS position`
const INSERT_ENTRY_SQL = `INSERT INTO thread_messages (id, thread_id, seq, position, internal, author_user_id, author_role, body,
  created_at) VALUES (@id, @threadId, @seq, @position, @internal, @authorUserId, @authorRole, @body, @now)`

export interface NewEntry {
  threadId: string
  internal: boolean
  authorUserId: string
  authorRole: 'resident' | 'staff'
  body: string
}

/** Adds a message (next seq and position) or an internal note (next position only); returns its id. */
export async function appendEntryIn(tx: Conn, entry: NewEntry, now: string): Promise<string> {
  const numbers = await query<{ seq: number | null; position: number }>(
    tx,
    entry.internal ? NEXT_NOTE_SQL : NEXT_PUBLIC_SQL
  ).get({ threadId: entry.threadId, now })
  if (!numbers) throw new Error(`messaging invariant broken: thread ${entry.threadId} vanished`)
  const id = newId()
  await query(tx, INSERT_ENTRY_SQL).run({
    id,
    threadId: entry.threadId,
    seq: numbers.seq,
    position: numbers.position,
    internal: entry.internal ? 1 : 0,
    authorUserId: entry.authorUserId,
    authorRole: entry.authorRole,
    body: entry.body,
    now
  })
  return id
}

// A resident's message moves both counters and starts the wait for staff (reopening a pending or resolved thread)
// in one statement, and answers what it changed: with the thread's view read at the start of the transaction, that
// is the view after it. A thread already waiting keeps its wait: only the counters move, and the index of waiting
// threads is left alone.
const CHANGED_BY_RESIDENT = `RETURNING last_seq AS lastSeq, last_position AS lastPosition,
  last_message_at AS lastMessageAt, status, waiting_since AS waitingSince, sla_due_at AS slaDueAt`
const NEXT_RESIDENT_MESSAGE_SQL = `UPDATE threads SET last_seq = last_seq + 1, last_position = last_position + 1,
  last_message_at = @now, updated_at = @now WHERE id = @threadId ${CHANGED_BY_RESIDENT}`
const NEXT_RESIDENT_MESSAGE_REOPENING_SQL = `UPDATE threads SET last_seq = last_seq + 1, last_position = last_position + 1,
  last_message_at = @now, status = 'open', resolved_at = NULL, waiting_since = COALESCE(waiting_since, @now),
  sla_due_at = COALESCE(sla_due_at, @dueAt), updated_at = @now WHERE id = @threadId ${CHANGED_BY_RESIDENT}`

type ResidentMessageChange = Pick<
  ThreadViewRow,
  'lastSeq' | 'lastPosition' | 'lastMessageAt' | 'status' | 'waitingSince' | 'slaDueAt'
>

/**
 * Adds the resident's message to their thread (`thread`: its view, read in this transaction) and reopens the thread
 * if it was pending or resolved. Answers the entry and the thread as committed without reading either again: the
 * author is the thread's resident, and staff's unread count does not move.
 */
export async function appendResidentMessageIn(
  tx: Conn,
  thread: ThreadViewRow,
  body: string,
  now: string
): Promise<{ entry: MessageViewRow; thread: ThreadViewRow }> {
  // The transaction held the write lock (SQLite) or the thread's row lock (PostgreSQL) when it read `thread`: the
  // row is as read.
  const waiting = thread.status === 'open' && thread.waitingSince !== null && thread.slaDueAt !== null
  const changed = waiting
    ? await query<ResidentMessageChange>(tx, NEXT_RESIDENT_MESSAGE_SQL).get({ threadId: thread.id, now })
    : await query<ResidentMessageChange>(tx, NEXT_RESIDENT_MESSAGE_REOPENING_SQL).get({
        threadId: thread.id,
        now,
        dueAt: slaDueAt(now)
      })
  if (!changed) throw new Error(`messaging invariant broken: thread ${thread.id} vanished`)
  const id = newId()
  await query(tx, INSERT_ENTRY_SQL).run({
    id,
    threadId: thread.id,
    seq: changed.lastSeq,
    position: changed.lastPosition,
    internal: 0,
    authorUserId: thread.residentUserId,
    authorRole: 'resident',
    body,
    now
  })
  const entry: MessageViewRow = {
    id,
    threadId: thread.id,
    seq: changed.lastSeq,
    position: changed.lastPosition,
    internal: false,
    authorRole: 'resident',
    authorName: thread.residentName,
    body,
    createdAt: now
  }
  return { entry, thread: { ...thread, ...changed } }
}

const START_WAITING_SQL = `UPDATE threads SET status = 'open', resolved_at = NULL,
  waiting_since = COALESCE(waiting_since, @now), sla_due_at = COALESCE(sla_due_at, @dueAt), updated_at = @now
  WHERE id = @threadId`

/** The resident now waits for staff (a new question, a reply, a reopening): the wait keeps its first start. */
export async function startWaitingIn(tx: Conn, threadId: string, now: string, dueAt: string) {
  await query(tx, START_WAITING_SQL).run({ threadId, now, dueAt })
}

// A wait that ends after its due time counts as a breach, for the statistics; the first answer is recorded with
// its wait in working minutes (every expression of the UPDATE reads the row as it was).
const END_WAITING_SQL = `UPDATE threads SET status = @status,
  sla_breaches = sla_breaches + (CASE WHEN sla_due_at IS NOT NULL AND @now > sla_due_at THEN 1 ELSE 0 END),
  waiting_since = NULL, sla_due_at = NULL,
  first_response_minutes = CASE WHEN @answered = 1 AND first_response_at IS NULL THEN @firstResponseMinutes
    ELSE first_response_minutes END,
  first_response_at = CASE WHEN @answered = 1 THEN COALESCE(first_response_at, @now) ELSE first_response_at END,
  resolved_at = CASE WHEN @status = 'resolved' THEN @now ELSE NULL END, updated_at = @now
  WHERE id = @threadId`

const FIRST_ANSWER_SQL = `SELECT created_at AS createdAt FROM threads WHERE id = @threadId AND first_response_at IS NULL`

/** Staff answered (answered: the first answer is recorded) or set the thread pending or resolved: no one waits. */
export async function endWaitingIn(
  tx: Conn,
  threadId: string,
  now: string,
  status: 'pending' | 'resolved',
  answered: boolean
) {
  // Only the first answer's wait is measured; later ones keep it.
  const first = answered ? await query<{ createdAt: string }>(tx, FIRST_ANSWER_SQL).get({ threadId }) : undefined
  const firstResponseMinutes = first ? workingTimeBetween(first.createdAt, now) / 60_000 : null
  await query(tx, END_WAITING_SQL).run({ threadId, now, status, answered: answered ? 1 : 0, firstResponseMinutes })
}

export async function threadViewIn(tx: Conn, threadId: string) {
  return (await threadViewOf(tx, threadId))!
}

export async function entryViewIn(tx: Conn, messageId: string) {
  return (await entryViewOf(tx, messageId))!
}

const ACTIVE_USER_SQL = "SELECT 1 FROM users WHERE id = @userId AND status = 'active'"

export async function isActiveUserIn(tx: Conn, userId: string) {
  return (await query(tx, ACTIVE_USER_SQL).get({ userId })) !== undefined
}

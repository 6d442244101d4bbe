import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { THREAD_STATUSES, type Topic } from '@veterans/shared'
import { users } from './accounts'
import { centers } from './reference'
import { veterans } from './registry'

/**
 * A written question and its conversation. Two counters number its entries, both moved only by the
 * `UPDATE … RETURNING` of the transaction that adds an entry: `last_seq` over what the resident sees (internal
 * notes take no seq, so residents never see a gap that betrays one), `last_position` over every entry (the staff
 * view's order). The SLA fields are kept on the row for the statistics: when the current wait began and is due,
 * when staff first answered, how many waits were answered late.
 */
export const threads = sqliteTable(
  'threads',
  {
    id: text('id').primaryKey(),
    residentUserId: text('resident_user_id')
      .notNull()
      .references(() => users.id),
    veteranId: text('veteran_id').references(() => veterans.id),
    centerId: text('center_id')
      .notNull()
      .references(() => centers.id),
    category: text('category').$type<Topic>().notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: THREAD_STATUSES }).notNull(),
    /** The policy asked about, and its title then (kept so the inbox needs no lookup per row). */
    policyId: text('policy_id'),
    policyTitle: text('policy_title'),
    assigneeId: text('assignee_id').references(() => users.id),
    lastSeq: integer('last_seq').notNull().default(0),
    lastPosition: integer('last_position').notNull().default(0),
    residentReadSeq: integer('resident_read_seq').notNull().default(0),
    lastMessageAt: text('last_message_at').notNull(),
    waitingSince: text('waiting_since'),
    slaDueAt: text('sla_due_at'),
    firstResponseAt: text('first_response_at'),
    /**
     * Working minutes (messaging/sla.ts) from the question to that first answer, written with it: the dashboard
     * takes its percentiles from this column. NULL on threads answered before the column existed (migration 0012).
     */
    firstResponseMinutes: real('first_response_minutes'),
    slaBreaches: integer('sla_breaches').notNull().default(0),
    ratingScore: integer('rating_score'),
    ratedAt: text('rated_at'),
    resolvedAt: text('resolved_at'),
    /** Set when the resident closed their account: their words are erased, staff's record of the work stays. */
    erasedAt: text('erased_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    index('threads_resident_activity_idx').on(t.residentUserId, t.lastMessageAt),
    index('threads_center_waiting_idx').on(t.centerId, t.status, t.waitingSince),
    index('threads_assignee_idx').on(t.assigneeId, t.status),
    // The dashboard's figures of the threads begun in a period, read from the index alone (GET /staff/stats).
    index('threads_stats_center_idx').on(t.centerId, t.createdAt, t.firstResponseAt, t.slaBreaches),
    index('threads_stats_created_idx').on(t.createdAt, t.firstResponseAt, t.slaBreaches),
    // The same with the first response in working minutes: the period's percentiles are found in the index.
    index('threads_response_center_idx').on(
      t.centerId,
      t.createdAt,
      t.firstResponseMinutes,
      t.firstResponseAt,
      t.slaBreaches
    ),
    index('threads_response_created_idx').on(t.createdAt, t.firstResponseMinutes, t.firstResponseAt, t.slaBreaches),
    check('threads_rating_range', sql`${t.ratingScore} IS NULL OR ${t.ratingScore} BETWEEN 1 AND 5`)
  ]
)

/**
 * The entries of a thread: messages of the resident and of staff, and staff's internal notes (`internal`, no
 * seq). Photos are uploads claimed with the message's id (modules/uploads). The unique indexes make a duplicate number impossible even for a faulty statement; NULL seqs of notes do
 * not collide.
 */
export const threadMessages = sqliteTable(
  'thread_messages',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id),
    seq: integer('seq'),
    position: integer('position').notNull(),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    authorRole: text('author_role', { enum: ['resident', 'staff'] }).notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    uniqueIndex('thread_messages_seq_unique').on(t.threadId, t.seq),
    uniqueIndex('thread_messages_position_unique').on(t.threadId, t.position),
    // The resident's unread count (staff messages after their read marker), read with every thread: without it,
    // counting walked every message since the marker. Only staff's entries are in it, so residents' posts skip it.
    index('thread_messages_staff_seq_idx')
      .on(t.threadId, t.seq)
      .where(sql`${t.authorRole} = 'staff'`),
    check('thread_messages_notes_have_no_seq', sql`(${t.internal} = 1) = (${t.seq} IS NULL)`)
  ]
)

/** Replies staff insert and adapt, shared by the whole team. */
export const cannedReplies = sqliteTable('canned_replies', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull()
})

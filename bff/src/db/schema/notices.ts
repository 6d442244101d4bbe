import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { MESSAGE_KIND_CODES, NOTICE_STATUSES, type NoticeAudience } from '@veterans/shared'
import { users } from './accounts'

/** A notice from staff to many: drafted, approved by a second person when city-wide, then fanned out. */
export const notices = sqliteTable(
  'notices',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    policyId: text('policy_id'),
    audience: text('audience', { mode: 'json' }).$type<NoticeAudience>().notNull(),
    cityWide: integer('city_wide', { mode: 'boolean' }).notNull(),
    /** The district of the author's center when the author is district staff (null: city level). */
    scopeDistrictCode: text('scope_district_code'),
    status: text('status', { enum: NOTICE_STATUSES }).notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    approverId: text('approver_id').references(() => users.id),
    senderName: text('sender_name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
    /** Fixed when sending starts: how many accounts the fan-out will reach. */
    recipientCount: integer('recipient_count').notNull().default(0),
    /** The fan-out's progress: the last user id put in an inbox (it resumes after a restart from here). */
    fanoutCursor: text('fanout_cursor'),
    fanoutDoneAt: text('fanout_done_at')
  },
  (t) => [index('notices_status_idx').on(t.status, t.id)]
)

/** Who received a notice, and when they read it. One row per recipient; ids sort by time, so inboxes page by id. */
export const noticeRecipients = sqliteTable(
  'notice_recipients',
  {
    userId: text('user_id').notNull(),
    noticeId: text('notice_id').notNull(),
    deliveredAt: text('delivered_at').notNull(),
    readAt: text('read_at')
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.noticeId] }),
    index('notice_recipients_notice_idx').on(t.noticeId, t.readAt),
    index('notice_recipients_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`)
  ]
)

/** Per person and kind: whether it reaches the inbox (booking and security always do) and comes by WeChat too. */
export const messagePreferences = sqliteTable(
  'message_preferences',
  {
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: MESSAGE_KIND_CODES }).notNull(),
    inbox: integer('inbox', { mode: 'boolean' }).notNull(),
    wechat: integer('wechat', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })]
)

/** WeChat subscriptions a person granted, per template: one accepted request allows one message. */
export const wechatSubscriptions = sqliteTable(
  'wechat_subscriptions',
  {
    userId: text('user_id').notNull(),
    templateId: text('template_id').notNull(),
    remaining: integer('remaining').notNull().default(0),
    lastAnswer: text('last_answer').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.userId, t.templateId] })]
)

export const PUSH_STATUSES = ['pending', 'sent', 'failed_temporary', 'failed_permanent'] as const

/** One WeChat subscription message to one person, with its delivery state (staff follow a notice's reach by it). */
export const pushDeliveries = sqliteTable(
  'push_deliveries',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: MESSAGE_KIND_CODES }).notNull(),
    templateId: text('template_id').notNull(),
    /** 'notice' or 'notification', and its id. */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    /** The template's fields before WeChat's length rules are applied, and the page it opens. */
    fields: text('fields', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    page: text('page').notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: PUSH_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at')
  },
  (t) => [
    index('push_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} IN ('pending', 'failed_temporary')`),
    index('push_deliveries_source_idx').on(t.sourceType, t.sourceId, t.status),
    uniqueIndex('push_deliveries_once').on(t.sourceType, t.sourceId, t.userId)
  ]
)

export const JOB_STATUSES = ['pending', 'done', 'cancelled', 'failed'] as const

/**
 * Work due at a time (a visit's reminder, a notice's fan-out), kept in the database so a restart loses none.
 * `key` makes scheduling idempotent (one reminder per booking); `leaseUntil` lets a crashed runner's job be taken over.
 */
export const dueJobs = sqliteTable(
  'due_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    dueAt: text('due_at').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: text('lease_until'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at')
  },
  (t) => [
    uniqueIndex('due_jobs_key_unique').on(t.key),
    index('due_jobs_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'pending'`)
  ]
)

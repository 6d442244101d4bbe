import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { RELATION_CODES, ROLE_CODES } from '@veterans/shared'
import { centers } from './reference'
import { veterans } from './registry'

/** Everyone who signs in: WeChat users (resident/veteran/family) and staff accounts (staff/admin). */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['wechat', 'staff'] }).notNull(),
    role: text('role', { enum: ROLE_CODES }).notNull(),
    openid: text('openid'),
    username: text('username'),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    elderMode: integer('elder_mode', { mode: 'boolean' }).notNull().default(false),
    phoneEnc: text('phone_enc'),
    /** Set when an admin resets a staff password: the next sign-in must choose a new one. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    centerId: text('center_id').references(() => centers.id),
    veteranId: text('veteran_id').references(() => veterans.id),
    // disabled: a staff account an admin switched off (it can be switched on again); deleted: a closed account.
    status: text('status', { enum: ['active', 'disabled', 'deleted'] })
      .notNull()
      .default('active'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at')
  },
  (t) => [
    uniqueIndex('users_openid_unique')
      .on(t.openid)
      .where(sql`${t.openid} IS NOT NULL`),
    uniqueIndex('users_username_unique')
      .on(t.username)
      .where(sql`${t.username} IS NOT NULL`),
    // One account per registry record: binding races are settled by this index, not by a prior check.
    uniqueIndex('users_veteran_unique')
      .on(t.veteranId)
      .where(sql`${t.veteranId} IS NOT NULL`)
  ]
)

/** A login: access tokens name it, refresh tokens rotate within it, and revoking it ends them all. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    revokeReason: text('revoke_reason')
  },
  (t) => [index('sessions_user_idx').on(t.userId)]
)

export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    rotatedAt: text('rotated_at')
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)]
)

export const familyInvites = sqliteTable('family_invites', {
  id: text('id').primaryKey(),
  codeHash: text('code_hash').notNull().unique(),
  veteranId: text('veteran_id')
    .notNull()
    .references(() => veterans.id),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  usedBy: text('used_by').references(() => users.id)
})

export const familyLinks = sqliteTable(
  'family_links',
  {
    id: text('id').primaryKey(),
    veteranId: text('veteran_id')
      .notNull()
      .references(() => veterans.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    relation: text('relation', { enum: RELATION_CODES }).notNull(),
    createdAt: text('created_at').notNull(),
    removedAt: text('removed_at')
  },
  (t) => [
    uniqueIndex('family_links_active_unique')
      .on(t.veteranId, t.userId)
      .where(sql`${t.removedAt} IS NULL`),
    index('family_links_user_idx').on(t.userId)
  ]
)

/** Things a person is told about (a booking promoted from the waitlist, a slot closed …). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at')
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)]
)

import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Append-only record of staff/admin writes and unmasked reads. Triggers (migration 0001) refuse UPDATE and
 * DELETE, so not even the application's own SQL can rewrite history.
 */
export const auditLog = sqliteTable('audit_log', {
  id: text('id').primaryKey(),
  at: text('at').notNull(),
  actorId: text('actor_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({})
})

/** First responses to mutations, replayed when a client retries with the same Idempotency-Key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: text('created_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.userId, t.route, t.key] })]
)

/** Failed attempts that lock a door for a while (staff passwords, identity binding). */
export const failedAttempts = sqliteTable(
  'failed_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scope: text('scope').notNull(),
    subject: text('subject').notNull(),
    at: text('at').notNull()
  },
  (t) => [index('failed_attempts_lookup_idx').on(t.scope, t.subject, t.at)]
)

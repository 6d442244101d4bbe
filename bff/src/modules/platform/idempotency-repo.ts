import { and, eq, lt } from 'drizzle-orm'
import { statement, type Db } from '../../db/client'
import { idempotencyKeys } from '../../db/schema/index'

export interface IdempotencyScope {
  userId: string
  route: string
  key: string
}

const whereScope = (s: IdempotencyScope) =>
  and(eq(idempotencyKeys.userId, s.userId), eq(idempotencyKeys.route, s.route), eq(idempotencyKeys.key, s.key))

// Claiming and storing run on every idempotent request: plain SQL prepared once per connection.
const CLAIM_SQL =
  'INSERT INTO idempotency_keys (user_id, route, key, request_hash, created_at) VALUES (@userId, @route, @key, @requestHash, @createdAt) ON CONFLICT DO NOTHING'
const STORE_SQL =
  'UPDATE idempotency_keys SET status_code = @statusCode, response_body = @responseBody WHERE user_id = @userId AND route = @route AND key = @key'

/** True if this request now owns the key (INSERT … ON CONFLICT DO NOTHING: exactly one claimer wins). */
export async function claimIdempotencyKey(db: Db, scope: IdempotencyScope, requestHash: string) {
  return statement(db, CLAIM_SQL).run({ ...scope, requestHash, createdAt: new Date().toISOString() }).changes === 1
}

export async function readIdempotencyKey(db: Db, scope: IdempotencyScope) {
  return db.select().from(idempotencyKeys).where(whereScope(scope)).get() ?? null
}

export async function storeIdempotentResponse(db: Db, scope: IdempotencyScope, statusCode: number, responseBody: string) {
  statement(db, STORE_SQL).run({ ...scope, statusCode, responseBody })
}

export async function forgetIdempotencyKey(db: Db, scope: IdempotencyScope) {
  db.delete(idempotencyKeys).where(whereScope(scope)).run()
}

/** Keys are kept at least 24 hours; housekeeping removes them after 48. */
export async function pruneIdempotencyKeys(db: Db, before: string) {
  db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run()
}

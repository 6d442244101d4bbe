import { and, eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { idempotencyKeys } from '../../db/schema/index'

export interface IdempotencyScope {
  userId: string
  route: string
  key: string
}

const whereScope = (s: IdempotencyScope) =>
  and(eq(idempotencyKeys.userId, s.userId), eq(idempotencyKeys.route, s.route), eq(idempotencyKeys.key, s.key))

/** True if this request now owns the key (INSERT … ON CONFLICT DO NOTHING: exactly one claimer wins). */
export async function claimIdempotencyKey(db: Db, scope: IdempotencyScope, requestHash: string) {
  const result = db
    .insert(idempotencyKeys)
    .values({ ...scope, requestHash, createdAt: new Date().toISOString() })
    .onConflictDoNothing()
    .run()
  return result.changes === 1
}

export async function readIdempotencyKey(db: Db, scope: IdempotencyScope) {
  return db.select().from(idempotencyKeys).where(whereScope(scope)).get() ?? null
}

export async function storeIdempotentResponse(db: Db, scope: IdempotencyScope, statusCode: number, responseBody: string) {
  db.update(idempotencyKeys).set({ statusCode, responseBody }).where(whereScope(scope)).run()
}

export async function forgetIdempotencyKey(db: Db, scope: IdempotencyScope) {
  db.delete(idempotencyKeys).where(whereScope(scope)).run()
}

/** Keys are kept at least 24 hours; housekeeping removes them after 48. */
export async function pruneIdempotencyKeys(db: Db, before: string) {
  db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run()
}

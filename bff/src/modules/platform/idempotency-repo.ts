import { lt } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { query } from '../../db/query'
import { idempotencyKeys } from '../../db/schema/index'

export interface IdempotencyScope {
  userId: string
  route: string
  key: string
}

/** A request that carries an Idempotency-Key, with the hash of what it asks for. */
export interface IdempotentRequest {
  scope: IdempotencyScope
  requestHash: string
}

// Checked and recorded on every idempotent request: plain SQL prepared once per connection.
const USED_SQL = 'SELECT 1 FROM idempotency_keys WHERE user_id = @userId AND route = @route AND key = @key'
const RECORD_SQL = `INSERT INTO idempotency_keys (user_id, route, key, request_hash, status_code, response_body, created_at)
  VALUES (@userId, @route, @key, @requestHash, @statusCode, @responseBody, @createdAt)`

/**
 * Has a request with this key been answered? Only inside the caller's BEGIN IMMEDIATE transaction, which then
 * records its own answer (recordIdempotentResponseIn): the write lock keeps any other request with the key out
 * between the two, and the key commits together with the work it guards.
 */
/**
 * The lock a transaction takes on a key before looking it up (PostgreSQL READ COMMITTED, db/row-locks.ts), so that
 * the same key sent twice at once is decided once and replayed once.
 */
export function idempotencyLockOf(request: { scope: IdempotencyScope } | null | undefined): string[] {
  if (!request) return []
  const { userId, route, key } = request.scope
  return [`idempotency:${userId}:${route}:${key}`]
}

export async function idempotencyKeyUsedIn(tx: Conn | Db, scope: IdempotencyScope): Promise<boolean> {
  return (await query(tx, USED_SQL).get(scope)) !== undefined
}

/** Stores the answer a retry will get: status and body (JSON of what was sent). */
export async function recordIdempotentResponseIn(
  tx: Conn | Db,
  request: IdempotentRequest,
  statusCode: number,
  body: unknown,
  now: string
) {
  await query(tx, RECORD_SQL).run({
    ...request.scope,
    requestHash: request.requestHash,
    statusCode,
    responseBody: JSON.stringify(body),
    createdAt: now
  })
}

const READ_SQL = `SELECT request_hash AS requestHash, status_code AS statusCode, response_body AS responseBody, created_at AS createdAt
  FROM idempotency_keys WHERE user_id = @userId AND route = @route AND key = @key`

export async function readIdempotencyKey(db: Db, scope: IdempotencyScope) {
  return (
    (await query<{ requestHash: string; statusCode: number | null; responseBody: string | null; createdAt: string }>(
      db,
      READ_SQL
    ).get(scope)) ?? null
  )
}

/** Keys are kept at least 24 hours; housekeeping removes them after 48. */
export async function pruneIdempotencyKeys(db: Db, before: string) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before))
}

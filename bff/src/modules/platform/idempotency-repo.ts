import { lt } from 'drizzle-orm'
import { statement, type Conn, type Db } from '../../db/client'
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

// Claiming and recording run on every idempotent request: plain SQL prepared once per connection.
const CLAIM_SQL =
  'INSERT INTO idempotency_keys (user_id, route, key, request_hash, created_at) VALUES (@userId, @route, @key, @requestHash, @createdAt) ON CONFLICT DO NOTHING'
const RECORD_SQL =
  'UPDATE idempotency_keys SET status_code = @statusCode, response_body = @responseBody WHERE user_id = @userId AND route = @route AND key = @key'

/**
 * Claims the key (INSERT … ON CONFLICT DO NOTHING: exactly one claimer wins). Inside a caller's transaction, the
 * claim commits with the work it guards; false means another request with this key got there first.
 */
export function claimIdempotencyKeyIn(tx: Conn | Db, request: IdempotentRequest, now: string): boolean {
  return statement(tx as Db, CLAIM_SQL).run({ ...request.scope, requestHash: request.requestHash, createdAt: now }).changes === 1
}

/** The response a retry will get: status and body (JSON of what was sent). */
export function recordIdempotentResponseIn(tx: Conn | Db, scope: IdempotencyScope, statusCode: number, body: unknown) {
  statement(tx as Db, RECORD_SQL).run({ ...scope, statusCode, responseBody: JSON.stringify(body) })
}

const READ_SQL = `SELECT request_hash AS requestHash, status_code AS statusCode, response_body AS responseBody, created_at AS createdAt
  FROM idempotency_keys WHERE user_id = @userId AND route = @route AND key = @key`

export async function readIdempotencyKey(db: Db, scope: IdempotencyScope) {
  return (statement(db, READ_SQL).get(scope) as
    | { requestHash: string; statusCode: number | null; responseBody: string | null; createdAt: string }
    | undefined) ?? null
}

/** Keys are kept at least 24 hours; housekeeping removes them after 48. */
export async function pruneIdempotencyKeys(db: Db, before: string) {
  db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run()
}

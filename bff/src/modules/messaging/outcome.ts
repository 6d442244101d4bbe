import type { ErrorCode } from '@veterans/shared'
import type { IdempotentRequest } from '../platform/idempotency-repo'

// The messaging transactions answer a refusal instead of throwing when they wrote nothing; the service turns it
// into the error the person sees.

export type Refusal = { ok: false; code: ErrorCode; details?: Record<string, unknown>; message?: string }
export type Outcome<T> = { ok: true; value: T } | Refusal

export const refuse = (code: ErrorCode, message?: string, details?: Record<string, unknown>): Refusal => ({
  ok: false,
  code,
  details,
  message
})
export const done = <T>(value: T): Outcome<T> => ({ ok: true, value })

/** An Idempotency-Key claimed by the transaction, with how to answer a retry (what the first request got). */
export interface IdempotentAnswer<T> {
  request: IdempotentRequest
  respond(outcome: Outcome<T>): { status: number; body: unknown }
}

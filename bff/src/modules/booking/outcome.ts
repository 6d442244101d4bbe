import type { ErrorCode } from '@veterans/shared'

// The booking transactions answer a refusal instead of throwing when they wrote nothing; the service turns it
// into the error the person sees.

export type Refusal = { ok: false; code: ErrorCode; details?: Record<string, unknown>; message?: string }
export type Outcome<T> = { ok: true; value: T } | Refusal

export const refuse = (code: ErrorCode, details?: Record<string, unknown>, message?: string): Refusal => ({
  ok: false,
  code,
  details,
  message
})
export const done = <T>(value: T): Outcome<T> => ({ ok: true, value })

import { ERRORS, type ErrorBody, type ErrorCode } from '@veterans/shared'

/**
 * A failure the person can act on. Services throw these; the error handler turns them into the contract's
 * error body with the code's status and Chinese message (which a service may make more specific).
 */
export class AppError extends Error {
  readonly status: number

  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    message?: string,
    options?: { cause?: unknown }
  ) {
    super(message ?? ERRORS[code].message, options)
    this.status = ERRORS[code].status
  }
}

/** 400 VALIDATION_FAILED naming one field, for what a schema cannot check (a date order, an unknown district). */
export function fieldError(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message }] })
}

/**
 * The contract's error body `{ error: { code, message, details } }`, the only place it is built. Takes an AppError
 * or just a code; the message is the code's own from shared/src/errors.ts unless a more specific one is given.
 */
export function errorBody(failure: {
  code: ErrorCode
  details?: Record<string, unknown>
  message?: string
}): ErrorBody {
  const { code, details = {}, message = ERRORS[code].message } = failure
  return { error: { code, message, details } }
}

/**
 * Thrown by a handler whose transaction found its Idempotency-Key already claimed by an earlier request: the
 * response recorded for that key is sent instead (plugins/idempotency.ts).
 */
export class IdempotentReplay extends Error {
  constructor() {
    super('idempotency key already used')
  }
}

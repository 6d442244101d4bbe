import { ERRORS, type ErrorCode } from '@veterans/shared'

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

/** The contract's error body for an AppError, as the error handler sends it. */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, details: error.details } }
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

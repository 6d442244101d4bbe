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

export const notFound = () => new AppError('NOT_FOUND')
export const forbidden = () => new AppError('FORBIDDEN')

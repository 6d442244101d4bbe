import type { ErrorBody } from '@veterans/shared'
import { errorMessage } from '@veterans/shared/errors'

/** Codes the client itself produces when no HTTP answer arrived. */
export const NETWORK_OFFLINE = 'NETWORK_OFFLINE'
export const NETWORK_TIMEOUT = 'NETWORK_TIMEOUT'

const NETWORK_MESSAGES: Record<string, string> = {
  [NETWORK_OFFLINE]: '网络连接不上，请检查手机网络后再试',
  [NETWORK_TIMEOUT]: '网络较慢，等了很久没有回应，请稍后再试'
}

export interface FieldError {
  path: string
  message: string
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    typeof value.path === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  )
}

/** A failed API call, carrying the server's stable code and a Chinese message fit to show the person. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get isNetwork(): boolean {
    return this.status === 0
  }

  /** Field errors of a 400 VALIDATION_FAILED (or a 422 that names a field). */
  get fields(): FieldError[] {
    const fields = this.details.fields
    if (!Array.isArray(fields)) return []
    return fields.filter(isFieldError)
  }

  /** The message for one body field (`body.phone` → fieldMessage('phone')). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.path === `body.${field}` || f.path === field)?.message
  }
}

function codeForStatus(status: number): string {
  if (status === 400) return 'VALIDATION_FAILED'
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 413) return 'TOO_LARGE'
  if (status === 415) return 'UNSUPPORTED_MEDIA'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE'
  return 'INTERNAL'
}

function errorBodyOf(body: unknown): ErrorBody['error'] | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const error = (body as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message, details } = error as Record<string, unknown>
  if (typeof code !== 'string') return undefined
  return {
    code,
    message: typeof message === 'string' ? message : '',
    details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {}
  }
}

/**
 * Turns an error response into an ApiError: the server's code and Chinese message when it sent the contract's
 * error body; otherwise (a proxy's HTML page, an empty 502) a code from the status and the shared message.
 */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error = errorBodyOf(body)
  const code = error?.code ?? codeForStatus(status)
  const message = error?.message.trim() || errorMessage(code)
  return new ApiError(code, status, message, error?.details ?? {})
}

export function networkError(kind: 'offline' | 'timeout'): ApiError {
  const code = kind === 'timeout' ? NETWORK_TIMEOUT : NETWORK_OFFLINE
  return new ApiError(code, 0, NETWORK_MESSAGES[code]!)
}

/** Any thrown value as an ApiError, so screens have one thing to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('INTERNAL', 0, errorMessage('INTERNAL'))
}

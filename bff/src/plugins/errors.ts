import fp from 'fastify-plugin'
import type { FastifyError } from 'fastify'
import { AppError, errorBody, IdempotentReplay } from '../lib/app-error'
import { validationFields } from '../lib/validation-messages'
import { sendReplay } from './idempotency'

/** SQLite's disk-full and I/O errors, and the file system's out-of-space ones, anywhere in the cause chain. */
function isStorageFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code
    if (typeof code !== 'string') continue
    if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC' || code === 'EDQUOT') return true
  }
  return false
}

/**
 * The one place failures become responses: the contract's error body, a Chinese message, and never a stack
 * trace or SQL in a response.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | AppError | IdempotentReplay, request, reply) => {
      if (error instanceof IdempotentReplay) return sendReplay(request, reply)
      if (!(error instanceof AppError && error.status < 500) && isStorageFailure(error)) {
        // Nothing was saved (the transaction rolled back, a partial file was removed): a 503 the person can act on
        // and a warning for the operator, rather than a 500 and a stack trace.
        request.log.warn({ err: error }, 'STORAGE_FULL: the disk is full or failing, the write was refused')
        return reply.code(503).send(errorBody({ code: 'STORAGE_FULL' }))
      }
      if (error instanceof AppError) {
        if (error.status >= 500) request.log.warn({ err: error.cause ?? error }, error.code)
        if (error.code === 'TOO_MANY_ATTEMPTS' || error.code === 'RATE_LIMITED') {
          const retry = error.details.retryAfterSeconds
          if (typeof retry === 'number') reply.header('retry-after', String(retry))
        }
        return reply.code(error.status).send(errorBody(error))
      }
      if (error.validation) {
        const fields = validationFields(error.validation, error.validationContext)
        return reply.code(400).send(errorBody({ code: 'VALIDATION_FAILED', details: { fields } }))
      }
      const status = error.statusCode ?? 500
      if (status === 429) return reply.code(429).send(errorBody({ code: 'RATE_LIMITED' }))
      if (status === 415) {
        return reply
          .code(415)
          .send(errorBody({ code: 'UNSUPPORTED_MEDIA', message: '请求格式不受支持，请以 JSON 提交' }))
      }
      if (status === 413) return reply.code(413).send(errorBody({ code: 'TOO_LARGE' }))
      if (status === 404) return reply.code(404).send(errorBody({ code: 'NOT_FOUND' }))
      if (status === 400) {
        // Malformed JSON, empty body with a JSON content type and the like.
        return reply.code(400).send(
          errorBody({
            code: 'VALIDATION_FAILED',
            details: { fields: [{ path: 'body', message: '请求内容格式不正确' }] }
          })
        )
      }
      if (status < 500) return reply.code(status).send(errorBody({ code: 'VALIDATION_FAILED' }))
      request.log.error({ err: error }, 'request failed')
      return reply.code(500).send(errorBody({ code: 'INTERNAL' }))
    })
  },
  { name: 'errors' }
)

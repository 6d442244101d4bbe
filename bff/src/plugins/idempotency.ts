import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { hash } from 'node:crypto'
import { AppError, errorBody, fieldError } from '../lib/app-error'
import { readIdempotencyKey, type IdempotentRequest } from '../modules/platform/idempotency-repo'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Honour the Idempotency-Key header. The handler's own write transaction claims the key and records its answer
     * (idempotencyKeyUsedIn / recordIdempotentResponseIn), so the work, the key and the answer commit together;
     * a handler that finds the key taken throws IdempotentReplay and the recorded answer is sent.
     */
    idempotent?: boolean
  }
  interface FastifyRequest {
    /** The Idempotency-Key of this request and the hash of what it asks for, on idempotent routes. */
    idempotency: IdempotentRequest | null
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/

/**
 * Answers an IdempotentReplay: the same key with the same request gets the recorded status and body
 * (re-serialized through the route's schema, so the bytes are the first answer's); with another body, 422.
 */
export async function sendReplay(request: FastifyRequest, reply: FastifyReply) {
  const wanted = request.idempotency
  const stored = wanted ? await readIdempotencyKey(request.server.db, wanted.scope) : null
  const refuse = (error: AppError) => reply.code(error.status).send(errorBody(error))
  if (!wanted || !stored || stored.statusCode === null || stored.responseBody === null)
    return refuse(new AppError('UNAVAILABLE'))
  if (stored.requestHash !== wanted.requestHash) return refuse(new AppError('IDEMPOTENCY_KEY_REUSED'))
  return reply.code(stored.statusCode).header('idempotent-replayed', 'true').send(JSON.parse(stored.responseBody))
}

/**
 * What the request asks for, as text to hash. A body nested too deeply to write back out (JSON.parse takes 10,000
 * levels, JSON.stringify does not) can only be junk: 400, not a 500 from a stack overflow.
 */
function requestText(params: unknown, body: unknown): string {
  try {
    return JSON.stringify({ params: params ?? null, body: body ?? null })
  } catch (error) {
    if (error instanceof RangeError) throw fieldError('body', '内容嵌套层数过多')
    throw error
  }
}

/** Reads and checks the Idempotency-Key header of idempotent routes (1–128 printable characters). */
export default fp(
  async (app) => {
    app.decorateRequest('idempotency', null)

    app.addHook('preHandler', async (request) => {
      if (!request.routeOptions.config?.idempotent || !request.principal) return
      const header = request.headers['idempotency-key']
      if (header === undefined) return
      const key = Array.isArray(header) ? (header[0] ?? '') : header
      if (!KEY_PATTERN.test(key)) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ path: 'headers.idempotency-key', message: '需为 1–128 个可见字符' }]
        })
      }
      request.idempotency = {
        scope: { userId: request.principal.userId, route: `${request.method} ${request.routeOptions.url}`, key },
        requestHash: hash('sha256', requestText(request.params, request.body), 'base64url')
      }
    })
  },
  { name: 'idempotency', dependencies: ['auth', 'db'] }
)

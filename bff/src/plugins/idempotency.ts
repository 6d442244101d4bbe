import fp from 'fastify-plugin'
import { createHash } from 'node:crypto'
import { AppError } from '../lib/app-error'
import { claimIdempotencyKey, forgetIdempotencyKey, readIdempotencyKey, storeIdempotentResponse } from '../modules/platform/idempotency-repo'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the Idempotency-Key header: replay the first response to a retried request. */
    idempotent?: boolean
  }
  interface FastifyRequest {
    idempotency: { userId: string; route: string; key: string } | null
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/
const WAIT_STEP_MS = 15
const WAIT_LIMIT_MS = 15_000
const ABANDONED_AFTER_MS = 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Idempotency-Key: the first request with a key claims it (a row inserted in one statement, so concurrent
 * duplicates cannot both claim it); the others wait for its response and replay it byte for byte.
 * The same key with a different body is refused. Server errors release the key so the client can retry.
 */
export default fp(
  async (app) => {
    app.decorateRequest('idempotency', null)

    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config?.idempotent || !request.principal) return
      const header = request.headers['idempotency-key']
      if (header === undefined) return
      const key = Array.isArray(header) ? header[0] ?? '' : header
      if (!KEY_PATTERN.test(key)) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'headers.idempotency-key', message: '需为 1–128 个可见字符' }] })
      }
      const scope = { userId: request.principal.userId, route: `${request.method} ${request.routeOptions.url}`, key }
      const requestHash = createHash('sha256')
        .update(JSON.stringify({ params: request.params ?? null, body: request.body ?? null }))
        .digest('base64url')
      if (await claimIdempotencyKey(app.db, scope, requestHash)) {
        request.idempotency = scope
        return
      }
      const started = Date.now()
      for (;;) {
        const stored = await readIdempotencyKey(app.db, scope)
        if (!stored) {
          // The first attempt failed and released the key: take it over.
          if (await claimIdempotencyKey(app.db, scope, requestHash)) {
            request.idempotency = scope
            return
          }
          continue
        }
        if (stored.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
        if (stored.statusCode !== null && stored.responseBody !== null) {
          return reply
            .code(stored.statusCode)
            .header('content-type', 'application/json; charset=utf-8')
            .header('idempotent-replayed', 'true')
            .send(stored.responseBody)
        }
        if (Date.parse(stored.createdAt) < Date.now() - ABANDONED_AFTER_MS) {
          // The first attempt never finished (the process stopped mid-request): let this one redo it.
          await forgetIdempotencyKey(app.db, scope)
          continue
        }
        if (Date.now() - started > WAIT_LIMIT_MS) throw new AppError('UNAVAILABLE')
        await sleep(WAIT_STEP_MS)
      }
    })

    app.addHook('onSend', async (request, reply, payload) => {
      const scope = request.idempotency
      if (!scope) return payload
      request.idempotency = null
      if (reply.statusCode >= 500) await forgetIdempotencyKey(app.db, scope)
      else await storeIdempotentResponse(app.db, scope, reply.statusCode, typeof payload === 'string' ? payload : '')
      return payload
    })
  },
  { name: 'idempotency', dependencies: ['auth', 'db'] }
)

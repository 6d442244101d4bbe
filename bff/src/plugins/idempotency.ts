import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { createHash } from 'node:crypto'
import { AppError } from '../lib/app-error'
import {
  claimIdempotencyKey,
  forgetIdempotencyKey,
  readIdempotencyKey,
  storeIdempotentResponse,
  type IdempotentRequest
} from '../modules/platform/idempotency-repo'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Honour the Idempotency-Key header: a retry gets the first response. `true`: the plugin claims the key before
     * the handler and records the response after it. 'in-transaction': the handler's own write transaction claims
     * the key and records the response (claimIdempotencyKeyIn / recordIdempotentResponseIn), so work, key and
     * response commit together; a handler that finds the key taken throws IdempotentReplay.
     */
    idempotent?: true | 'in-transaction'
  }
  interface FastifyRequest {
    /** Set when the request carries an Idempotency-Key on an idempotent route and no response is recorded yet. */
    idempotency: (IdempotentRequest & { claimedByPlugin: boolean }) | null
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/
const WAIT_STEP_MS = 15
const WAIT_LIMIT_MS = 15_000
const ABANDONED_AFTER_MS = 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends the response recorded for this key, waiting while the first request is still at work. Re-serialized
 * through the route's schema, so the bytes are the first response's. Resolves false if the key is free (the
 * first attempt failed and released it).
 */
async function replayRecorded(request: FastifyRequest, reply: FastifyReply, wanted: IdempotentRequest): Promise<boolean> {
  const db = request.server.db
  const started = Date.now()
  for (;;) {
    const stored = await readIdempotencyKey(db, wanted.scope)
    if (!stored) return false
    if (stored.requestHash !== wanted.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    if (stored.statusCode !== null && stored.responseBody !== null) {
      await reply.code(stored.statusCode).header('idempotent-replayed', 'true').send(JSON.parse(stored.responseBody))
      return true
    }
    if (Date.parse(stored.createdAt) < Date.now() - ABANDONED_AFTER_MS) {
      // The first attempt never finished (the process stopped mid-request): let this one redo it.
      await forgetIdempotencyKey(db, wanted.scope)
      return false
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw new AppError('UNAVAILABLE')
    await sleep(WAIT_STEP_MS)
  }
}

/** For the error handler: answers an IdempotentReplay with the recorded response. */
export async function sendReplay(request: FastifyRequest, reply: FastifyReply) {
  if (!request.idempotency || !(await replayRecorded(request, reply, request.idempotency))) throw new AppError('UNAVAILABLE')
}

/**
 * Idempotency-Key handling. The same key from the same user on the same route with the same body gets the first
 * response (status and body) without the work being done again; with a different body, 422. Server errors
 * release the key so the client can retry.
 */
export default fp(
  async (app) => {
    app.decorateRequest('idempotency', null)

    app.addHook('preHandler', async (request, reply) => {
      const mode = request.routeOptions.config?.idempotent
      if (!mode || !request.principal) return
      const header = request.headers['idempotency-key']
      if (header === undefined) return
      const key = Array.isArray(header) ? header[0] ?? '' : header
      if (!KEY_PATTERN.test(key)) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'headers.idempotency-key', message: '需为 1–128 个可见字符' }] })
      }
      const wanted: IdempotentRequest = {
        scope: { userId: request.principal.userId, route: `${request.method} ${request.routeOptions.url}`, key },
        requestHash: createHash('sha256')
          .update(JSON.stringify({ params: request.params ?? null, body: request.body ?? null }))
          .digest('base64url')
      }
      for (;;) {
        if (await replayRecorded(request, reply, wanted)) return reply
        if (mode === 'in-transaction') {
          request.idempotency = { ...wanted, claimedByPlugin: false }
          return
        }
        if (await claimIdempotencyKey(app.db, wanted)) {
          request.idempotency = { ...wanted, claimedByPlugin: true }
          return
        }
      }
    })

    app.addHook('onSend', async (request, reply, payload) => {
      const idempotency = request.idempotency
      if (!idempotency?.claimedByPlugin) return payload
      request.idempotency = null
      if (reply.statusCode >= 500) await forgetIdempotencyKey(app.db, idempotency.scope)
      else await storeIdempotentResponse(app.db, idempotency.scope, reply.statusCode, typeof payload === 'string' ? payload : '')
      return payload
    })
  },
  { name: 'idempotency', dependencies: ['auth', 'db'] }
)

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import { query } from '../../db/query'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** @fastify/under-pressure's answer for this route when the process is overloaded (plugins/security.ts). */
    pressureHandler?: (request: FastifyRequest, reply: FastifyReply) => void
  }
}

const StatusSchema = Type.Object({ status: Type.String() })

/** Liveness and readiness for the process supervisor or load balancer. */
const opsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      // A busy process is alive: restarting it for being overloaded would only lose its work. So liveness answers
      // under pressure too (answering nothing here lets the request through).
      config: { access: 'public', rateLimit: false, pressureHandler: () => undefined },
      schema: { tags: ['operations'], response: { 200: StatusSchema } }
    },
    async () => ({ status: 'ok' })
  )

  app.get(
    '/readyz',
    {
      // Overloaded (just after a start, when seeding held the event loop, or under load): not ready, in this
      // route's own shape — the general error body does not fit its schema and failed as a 500.
      config: {
        access: 'public',
        rateLimit: false,
        pressureHandler: (_request, reply) => {
          void reply.code(503).header('retry-after', '5').send({ status: 'overloaded' })
        }
      },
      schema: { tags: ['operations'], response: { 200: StatusSchema, 503: StatusSchema } }
    },
    async (_request, reply) => {
      try {
        await query(app.db, 'SELECT 1').get()
        return { status: 'ready' }
      } catch {
        return reply.code(503).send({ status: 'database unavailable' })
      }
    }
  )
}

export default opsRoutes

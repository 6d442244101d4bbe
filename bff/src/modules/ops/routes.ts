import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'

const StatusSchema = Type.Object({ status: Type.String() })

/** Liveness and readiness for the process supervisor or load balancer. */
const opsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['operations'], response: { 200: StatusSchema } }
    },
    async () => ({ status: 'ok' })
  )

  app.get(
    '/readyz',
    {
      config: { access: 'public', rateLimit: false },
      schema: { tags: ['operations'], response: { 200: StatusSchema, 503: StatusSchema } }
    },
    async (_request, reply) => {
      try {
        app.sqlite.prepare('SELECT 1').get()
        return { status: 'ready' }
      } catch {
        return reply.code(503).send({ status: 'database unavailable' })
      }
    }
  )
}

export default opsRoutes

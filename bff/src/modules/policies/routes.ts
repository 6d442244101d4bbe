import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** policies: routes are added by its issue. */
const policiesRoutes: FastifyPluginAsyncTypebox = async () => {}

export default policiesRoutes

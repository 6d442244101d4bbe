import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** notifications: routes are added by its issue. */
const notificationsRoutes: FastifyPluginAsyncTypebox = async () => {}

export default notificationsRoutes

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** booking: routes are added by its issue. */
const bookingRoutes: FastifyPluginAsyncTypebox = async () => {}

export default bookingRoutes

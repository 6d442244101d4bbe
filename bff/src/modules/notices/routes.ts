import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** Notices: staff compose, approve and send; residents read them in their inbox. */
const noticesRoutes: FastifyPluginAsyncTypebox = async () => {}

export default noticesRoutes

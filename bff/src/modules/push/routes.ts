import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** Message preferences and WeChat subscription answers. */
const pushRoutes: FastifyPluginAsyncTypebox = async () => {}

export default pushRoutes

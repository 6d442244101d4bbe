import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreateVeteranBodySchema, STAFF_ROLES, VeteranSchema } from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, responses } from '../../lib/route-schema'
import * as service from './service'

/** The department's registry of veterans, kept by staff. */
const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['registry']

  app.post(
    '/staff/veterans',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Add a veteran to the registry',
        body: CreateVeteranBodySchema,
        response: responses({ 201: VeteranSchema }, 400, 401, 403, 409, 422)
      }
    },
    async (request, reply) => reply.code(201).send(await service.createVeteran(app, principalOf(request), request.body))
  )
}

export default registryRoutes

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CenterListSchema, CenterQuerySchema, DistrictListSchema, ServiceListSchema } from '@veterans/shared'
import { responses } from '../../lib/route-schema'
import * as service from './service'

/**
 * Districts, service centers and the service catalog. Public information (addresses, phones, opening hours),
 * so they are readable before sign-in too: a visitor can find the nearest center's phone.
 */
const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['reference']

  app.get(
    '/districts',
    {
      config: { access: 'public' },
      schema: { tags, response: responses({ 200: DistrictListSchema }) }
    },
    async () => service.listDistricts(app)
  )

  app.get(
    '/centers',
    {
      config: { access: 'public' },
      schema: { tags, querystring: CenterQuerySchema, response: responses({ 200: CenterListSchema }, 400) }
    },
    async (request) => service.listCenters(app, request.query)
  )

  app.get(
    '/services',
    {
      config: { access: 'public' },
      schema: { tags, response: responses({ 200: ServiceListSchema }) }
    },
    async () => service.listServices(app)
  )
}

export default referenceRoutes

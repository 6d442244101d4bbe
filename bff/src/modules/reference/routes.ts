import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CenterListSchema, CenterQuerySchema, DistrictListSchema, ServiceListSchema } from '@veterans/shared'
import { bearer, responses } from '../../lib/route-schema'
import * as service from './service'

/** Districts, service centers and the service catalog: what every signed-in person browses. */
const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['reference']

  app.get('/districts', {
    config: { access: 'authenticated' },
    schema: { tags, security: bearer, response: responses({ 200: DistrictListSchema }, 401) }
  }, async () => service.listDistricts(app))

  app.get('/centers', {
    config: { access: 'authenticated' },
    schema: { tags, security: bearer, querystring: CenterQuerySchema, response: responses({ 200: CenterListSchema }, 400, 401) }
  }, async (request) => service.listCenters(app, request.query))

  app.get('/services', {
    config: { access: 'authenticated' },
    schema: { tags, security: bearer, response: responses({ 200: ServiceListSchema }, 401) }
  }, async () => service.listServices(app))
}

export default referenceRoutes

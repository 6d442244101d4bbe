import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateVeteranBodySchema,
  IdParamsSchema,
  PiiQuerySchema,
  STAFF_ROLES,
  UpdateVeteranBodySchema,
  VeteranDetailSchema,
  VeteranPageSchema,
  VeteranPiiSchema,
  VeteranQuerySchema,
  VeteranSchema
} from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, responses } from '../../lib/route-schema'
import registryExportRoutes from './export/routes'
import registryImportRoutes from './import/routes'
import * as service from './service'

/**
 * The department's registry of veterans, kept by staff. Staff see the veterans of their center's district (another
 * district's record: 404); staff of the city-level center and admins see every district. Writes and reveals are audited.
 */
const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['registry']

  app.get(
    '/staff/veterans',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Search the registry in my scope',
        description:
          '`q`: part of the name, or the last 4 characters of the ID number; filters by district, category and status. ' +
          'Newest records first, masked; `total` counts every match in scope. Paged with `limit` and an opaque `cursor`.',
        querystring: VeteranQuerySchema,
        response: responses({ 200: VeteranPageSchema }, 400, 401, 403)
      }
    },
    async (request) => service.listVeterans(app, principalOf(request), request.query)
  )

  app.post(
    '/staff/veterans',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Add a veteran to the registry',
        description:
          'Dates in order: birth < enlistment < discharge ≤ today (else 400 naming the fields). A district outside my ' +
          'scope: 403; a bad ID checksum: 422 `ID_NUMBER_INVALID`; an ID number already recorded: 409 `VETERAN_EXISTS`.',
        body: CreateVeteranBodySchema,
        response: responses({ 201: VeteranSchema }, 400, 401, 403, 409, 422)
      }
    },
    async (request, reply) => reply.code(201).send(await service.createVeteran(app, principalOf(request), request.body))
  )

  app.get(
    '/staff/veterans/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'A registry record with its district, family links, recent bookings and questions',
        params: IdParamsSchema,
        response: responses({ 200: VeteranDetailSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.getVeteranDetail(app, principalOf(request), request.params.id)
  )

  app.patch(
    '/staff/veterans/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Change a registry record',
        description:
          'Only the fields sent change (null clears an optional one). Dates must stay in order and the district must ' +
          'exist (400 naming the fields); moving the record to a district outside my scope: 403. Audited.',
        params: IdParamsSchema,
        body: UpdateVeteranBodySchema,
        response: responses({ 200: VeteranSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.updateVeteran(app, principalOf(request), request.params.id, request.body)
  )

  app.get(
    '/staff/veterans/:id/pii',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Reveal the unmasked ID number and phone, for a stated reason',
        description: 'Audited with the reason. The client shows them for `showForSeconds` (30) and masks them again.',
        params: IdParamsSchema,
        querystring: PiiQuerySchema,
        response: responses({ 200: VeteranPiiSchema }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => {
      const pii = await service.revealPii(app, principalOf(request), request.params.id, request.query.reason)
      return reply.header('cache-control', 'no-store').send(pii)
    }
  )

  await app.register(registryImportRoutes)
  await app.register(registryExportRoutes)
}

export default registryRoutes

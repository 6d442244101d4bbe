import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AuditEntrySchema,
  AuditQuerySchema,
  CreateStaffBodySchema,
  PageSchema,
  StaffAccountSchema
} from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, responses } from '../../lib/route-schema'
import * as service from './service'

/** City-level administration: staff accounts and the audit log. */
const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['admin']

  app.post(
    '/admin/staff',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: 'Create a staff or admin account',
        body: CreateStaffBodySchema,
        response: responses({ 201: StaffAccountSchema }, 400, 401, 403, 409)
      }
    },
    async (request, reply) => reply.code(201).send(await service.createStaff(app, principalOf(request), request.body))
  )

  app.get(
    '/admin/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: 'Read the audit log, newest first',
        querystring: AuditQuerySchema,
        response: responses({ 200: PageSchema(AuditEntrySchema) }, 400, 401, 403)
      }
    },
    async (request) => service.listAuditEntries(app, request.query)
  )
}

export default adminRoutes

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  AuditEntrySchema,
  AuditQuerySchema,
  CreateStaffBodySchema,
  IdParamsSchema,
  NoContentSchema,
  PageSchema,
  ResetPasswordBodySchema,
  StaffAccountPageSchema,
  StaffAccountSchema,
  UpdateStaffBodySchema
} from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, responses } from '../../lib/route-schema'
import { attachment } from '../stats/csv'
import * as audit from './audit-service'
import * as service from './service'
import * as staff from './staff-service'

export interface AdminRoutesOptions {
  /** Closes the open sockets of accounts whose logins an admin ended (app.ts: realtime). */
  sessionsEnded: staff.SessionsEnded
}

const StaffPageQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
const AuditCsvQuerySchema = Type.Omit(AuditQuerySchema, ['limit', 'cursor'])

/** City-level administration: staff accounts and the audit log. Every write is audited with it. */
const adminRoutes: FastifyPluginAsyncTypebox<AdminRoutesOptions> = async (app, { sessionsEnded }) => {
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
    '/admin/staff',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: 'Staff accounts with their center, switched-off ones included, oldest first',
        querystring: StaffPageQuerySchema,
        response: responses({ 200: StaffAccountPageSchema }, 400, 401, 403)
      }
    },
    async (request) => staff.listStaff(app, request.query)
  )

  app.patch(
    '/admin/staff/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: "Change a staff account's name, role or center, or switch it off or on",
        description:
          'A staff account needs a center (400 on body.centerId). The last active admin cannot be switched off or ' +
          'made staff (409 LAST_ADMIN). Switching an account off or changing its role or center ends its logins.',
        params: IdParamsSchema,
        body: UpdateStaffBodySchema,
        response: responses({ 200: StaffAccountSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.updateStaff(app, principalOf(request), request.params.id, request.body, sessionsEnded)
  )

  app.post(
    '/admin/staff/:id/reset-password',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: 'Set a temporary password that must be changed at the next sign-in; ends the logins',
        params: IdParamsSchema,
        body: ResetPasswordBodySchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => {
      await staff.resetPassword(app, principalOf(request), request.params.id, request.body, sessionsEnded)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/admin/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: 'Read the audit log, newest first, with who acted',
        querystring: AuditQuerySchema,
        response: responses({ 200: PageSchema(AuditEntrySchema) }, 400, 401, 403)
      }
    },
    async (request) => audit.listAuditEntries(app, request.query)
  )

  app.get(
    '/admin/audit.csv',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        security: bearer,
        summary: `The audit log as CSV (UTF-8 with BOM, Beijing times), newest first, at most ${audit.AUDIT_CSV_MAX_ROWS} rows`,
        querystring: AuditCsvQuerySchema,
        produces: ['text/csv'],
        response: responses({ 200: Type.String({ description: 'text/csv' }) }, 400, 401, 403)
      }
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment('审计日志.csv'))
        .send(await audit.auditCsv(app, request.query))
  )
}

export default adminRoutes

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AudiencePreviewSchema,
  IdParamsSchema,
  NoContentSchema,
  NoticeCreatedSchema,
  NoticeInputSchema,
  NoticePatchSchema,
  NoticeSendResultSchema,
  StaffNoticePageSchema,
  StaffNoticeQuerySchema,
  StaffNoticeSchema,
  STAFF_ROLES
} from '@veterans/shared'
import { bearer, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import type { NoticeFanout } from './fanout'
import * as staff from './staff-service'

/**
 * The staff composer: draft, preview the audience, approve (city-wide), send, follow the reach. District staff
 * address and see their own district only; every write is audited.
 */
const staffNoticesRoutes: FastifyPluginAsyncTypebox<{ fanout: NoticeFanout }> = async (app, { fanout }) => {
  const tags = ['notices']
  const access = STAFF_ROLES

  app.post(
    '/staff/notices',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'Draft a notice',
        description:
          'District staff: `audience.districts` absent means their own district; naming another is 403 FORBIDDEN ' +
          '(`details.districts` lists them). No district filter (city level) makes the notice city-wide: it is ' +
          'submitted and approved by someone else before it is sent. Unknown districts, a policy that is not ' +
          'published (`policyId`, `audience.eligibleForPolicyId`): 400 naming the field.',
        body: NoticeInputSchema,
        response: responses({ 201: NoticeCreatedSchema }, 400, 401, 403)
      }
    },
    async (request, reply) => reply.code(201).send(await staff.createNotice(app, principalOf(request), request.body))
  )

  app.get(
    '/staff/notices',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'Notices, newest first',
        description: 'District staff see their district’s notices; city-level staff and admins see all.',
        querystring: StaffNoticeQuerySchema,
        response: responses({ 200: StaffNoticePageSchema }, 400, 401, 403)
      }
    },
    async (request) => staff.listStaffNotices(app, principalOf(request), request.query)
  )

  app.get(
    '/staff/notices/:id',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'A notice with its reach',
        description:
          '`stats`: recipients (fixed when sending starts, then what the inboxes hold), read, delivered to inboxes ' +
          'so far and WeChat messages by state.',
        params: IdParamsSchema,
        response: responses({ 200: StaffNoticeSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.getStaffNotice(app, principalOf(request), request.params.id)
  )

  app.patch(
    '/staff/notices/:id',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'Change a draft (its author only)',
        description: 'Added to the contract. Not the author: 403; no longer a draft: 409 INVALID_STATE.',
        params: IdParamsSchema,
        body: NoticePatchSchema,
        response: responses({ 200: StaffNoticeSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.updateNotice(app, principalOf(request), request.params.id, request.body)
  )

  app.delete(
    '/staff/notices/:id',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'Delete a draft (its author only)',
        description: 'Added to the contract. Not the author: 403; no longer a draft: 409 INVALID_STATE.',
        params: IdParamsSchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request, reply) => {
      await staff.deleteNotice(app, principalOf(request), request.params.id)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/staff/notices/:id/audience-preview',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'How many accounts the notice would reach now',
        description: 'People who turned notices off in their inbox are not counted.',
        params: IdParamsSchema,
        response: responses({ 200: AudiencePreviewSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.previewAudience(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/notices/:id/submit',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'Submit a city-wide draft for approval (its author)',
        description: 'Added to the contract. draft → pending. A district notice needs no approval: 409.',
        params: IdParamsSchema,
        response: responses({ 200: StaffNoticeSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.submitNotice(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/notices/:id/approve',
    {
      config: { access },
      schema: {
        tags,
        security: bearer,
        summary: 'Approve a pending city-wide notice',
        description:
          'Added to the contract. pending → approved, by city-level staff or an admin other than the author ' +
          '(the author: 403 SELF_APPROVAL; district staff: 403 FORBIDDEN).',
        params: IdParamsSchema,
        response: responses({ 200: StaffNoticeSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.approveNotice(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/notices/:id/send',
    {
      config: { access, idempotent: true },
      schema: {
        tags,
        security: bearer,
        summary: 'Send the notice',
        description:
          'Honours an `Idempotency-Key`: a retry gets the first answer. The recipient count is fixed now and the ' +
          'status becomes `sending`; the inboxes fill in batches (GET the notice to follow). Already sending or ' +
          'sent, a city-wide notice not yet approved, or nobody in the audience: 409 INVALID_STATE.',
        params: IdParamsSchema,
        response: responses({ 200: NoticeSendResultSchema }, 400, 401, 403, 404, 409, 422)
      }
    },
    async (request) => staff.sendNotice(app, fanout, principalOf(request), request.params.id, request.idempotency)
  )
}

export default staffNoticesRoutes

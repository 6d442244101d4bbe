import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AssignThreadBodySchema,
  CannedReplyListSchema,
  CannedReplySchema,
  CreateCannedReplyBodySchema,
  IdParamsSchema,
  STAFF_ROLES as STAFF,
  StaffMessagePageSchema,
  StaffMessageQuerySchema,
  StaffMessageSchema,
  StaffPostMessageBodySchema,
  StaffRefListSchema,
  StaffThreadDetailSchema,
  StaffThreadPageSchema,
  StaffThreadQuerySchema,
  StaffThreadSchema,
  ThreadStatusBodySchema
} from '@veterans/shared'
import { bearer, bodyMayBeEmpty, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import * as staff from './staff-service'

/**
 * The staff inbox. Staff act on their own center's threads (another center's: 404); staff of the city-level
 * center and admins on every center's. Every write is audited with it, in one transaction.
 */
const staffMessagingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['messaging (staff)']

  app.get(
    '/staff/threads',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'The queue: longest-waiting first, with SLA due times',
        description:
          "My center's threads; city-level staff and admins see every center's, or one with `centerId` (another " +
          'center for other staff: 403). `assignee` me | unassigned | any (default), optional `status`. Threads nobody ' +
          'waits on come after the waiting ones, latest activity first. slaDueAt: 8 working hours (Mon–Fri 09:00–17:00 ' +
          'Beijing time, public holidays off, make-up working days on) after waitingSince; slaState due_soon within 2 ' +
          'working hours of it. Paged with `limit` and an opaque `cursor`.',
        querystring: StaffThreadQuerySchema,
        response: responses({ 200: StaffThreadPageSchema }, 400, 401, 403)
      }
    },
    async (request) => staff.listQueue(app, principalOf(request), request.query)
  )

  app.get(
    '/staff/threads/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'A thread with the asker (masked), their veteran, upcoming bookings and the policy asked about',
        description:
          'Upcoming bookings: those of the asker or their veteran at centers I act for, soonest first (≤ 10).',
        params: IdParamsSchema,
        response: responses({ 200: StaffThreadDetailSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.getThread(app, principalOf(request), request.params.id)
  )

  app.get(
    '/staff/threads/:id/messages',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Every entry of a thread, internal notes included (internal: true)',
        description: 'By `position`, gap-free over all entries; catch up with `afterPosition`. Notes have no `seq`.',
        params: IdParamsSchema,
        querystring: StaffMessageQuerySchema,
        response: responses({ 200: StaffMessagePageSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.listEntries(app, principalOf(request), request.params.id, request.query)
  )

  app.get(
    '/staff/threads/:id/assignees',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Whom the thread can be assigned to',
        description:
          "The active staff of the thread's center, and the caller (city-level staff and admins can take any thread).",
        params: IdParamsSchema,
        response: responses({ 200: StaffRefListSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.listAssignees(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/threads/:id/assign',
    {
      config: { access: STAFF },
      preValidation: bodyMayBeEmpty,
      schema: {
        tags,
        security: bearer,
        summary: 'Assign the thread to me (default) or a colleague',
        description:
          "`staffId` must be an active staff member of the thread's center or of the city-level center, or an admin (else 400).",
        params: IdParamsSchema,
        body: AssignThreadBodySchema,
        response: responses({ 200: StaffThreadSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.assign(app, principalOf(request), request.params.id, request.body)
  )

  app.post(
    '/staff/threads/:id/messages',
    {
      config: { access: STAFF, idempotent: true },
      schema: {
        tags,
        security: bearer,
        summary: 'Reply, or add an internal note',
        description:
          'A reply makes the thread pending (waiting for the resident), or resolved with `resolve: true`; it ends the ' +
          "resident's wait (the first one records the first response time; a late one counts as an SLA breach) and " +
          'notifies the resident. An internal note (`internal: true`) is seen by staff only and changes nothing else. ' +
          'Send an `Idempotency-Key`: a retry with the same key and body gets the first answer, with another body 422 ' +
          'IDEMPOTENCY_KEY_REUSED.',
        params: IdParamsSchema,
        body: StaffPostMessageBodySchema,
        response: responses({ 201: StaffMessageSchema }, 400, 401, 403, 404, 422)
      }
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await staff.postEntry(app, principalOf(request), request.params.id, request.body, request.idempotency))
  )

  app.post(
    '/staff/threads/:id/status',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Set the status: open (the resident waits again), pending or resolved',
        params: IdParamsSchema,
        body: ThreadStatusBodySchema,
        response: responses({ 200: StaffThreadSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => staff.setStatus(app, principalOf(request), request.params.id, request.body.status)
  )

  app.get(
    '/staff/canned-replies',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Canned replies (team-wide), by title',
        response: responses({ 200: CannedReplyListSchema }, 401, 403)
      }
    },
    async () => staff.listCannedReplies(app)
  )

  app.post(
    '/staff/canned-replies',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Add a canned reply for the whole team',
        body: CreateCannedReplyBodySchema,
        response: responses({ 201: CannedReplySchema }, 400, 401, 403)
      }
    },
    async (request, reply) =>
      reply.code(201).send(await staff.createCannedReply(app, principalOf(request), request.body))
  )
}

export default staffMessagingRoutes

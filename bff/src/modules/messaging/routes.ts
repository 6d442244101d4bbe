import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateThreadBodySchema,
  IdParamsSchema,
  MarkReadBodySchema,
  MessagePageSchema,
  MessageQuerySchema,
  MessageSchema,
  NoContentSchema,
  PEOPLE_ROLES as PEOPLE,
  PostMessageBodySchema,
  RateThreadBodySchema,
  ThreadPageSchema,
  ThreadQuerySchema,
  ThreadRatingSchema,
  ThreadSchema
} from '@veterans/shared'
import { bearer, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import * as service from './service'
import staffMessagingRoutes from './staff-routes'

/**
 * Written questions of veterans, family members and unbound residents. Each person sees the threads they started;
 * anyone else's is 404. Staff internal notes never appear on these routes, in their frames or in notifications.
 */
const messagingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['messaging']

  app.post(
    '/threads',
    {
      config: { access: PEOPLE, idempotent: true },
      schema: {
        tags,
        security: bearer,
        summary: 'Ask a question in writing (a new thread)',
        description:
          '`body` is the first message. `centerId` defaults to the district center of my veteran record (or of the ' +
          'first veteran I am linked to as family), else the city-level center. Added to the contract: `policyId` ' +
          '(the policy asked about; staff see it), `attachmentIds` (my uploads, ≤ 4). Honours an `Idempotency-Key`. ' +
          'Staff usually answer within 1 working day.',
        body: CreateThreadBodySchema,
        response: responses({ 201: ThreadSchema }, 400, 401, 403, 422)
      }
    },
    async (request, reply) =>
      reply.code(201).send(await service.startThread(app, principalOf(request), request.body, request.idempotency))
  )

  app.get(
    '/threads',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'My threads, newest activity first, with unread counts',
        description: 'Paged with `limit` and `cursor`; optional `status` filter.',
        querystring: ThreadQuerySchema,
        response: responses({ 200: ThreadPageSchema }, 400, 401, 403)
      }
    },
    async (request) => service.listMyThreads(app, principalOf(request), request.query)
  )

  app.get(
    '/threads/:id',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'One of my threads',
        params: IdParamsSchema,
        response: responses({ 200: ThreadSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.getMyThread(app, principalOf(request), request.params.id)
  )

  app.get(
    '/threads/:id/messages',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Messages of my thread by seq (catch up with afterSeq)',
        description:
          'seq is gap-free per thread. `nextCursor` is not null when there is more: ask again with `afterSeq` = the last seq.',
        params: IdParamsSchema,
        querystring: MessageQuerySchema,
        response: responses({ 200: MessagePageSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.listMyMessages(app, principalOf(request), request.params.id, request.query)
  )

  app.post(
    '/threads/:id/messages',
    {
      config: { access: PEOPLE, idempotent: true },
      schema: {
        tags,
        security: bearer,
        summary: 'Write in my thread (a resolved or pending thread opens again)',
        description:
          'Send an `Idempotency-Key`: a retry with the same key and body gets the first answer, with another body 422 ' +
          'IDEMPOTENCY_KEY_REUSED. `attachmentIds`: my own uploads not yet attached (else 400 naming each).',
        params: IdParamsSchema,
        body: PostMessageBodySchema,
        response: responses({ 201: MessageSchema }, 400, 401, 403, 404, 422)
      }
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.postMyMessage(app, principalOf(request), request.params.id, request.body, request.idempotency)
        )
  )

  app.post(
    '/threads/:id/read',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark my thread read up to a seq',
        description: 'The marker never moves back nor past the last message.',
        params: IdParamsSchema,
        body: MarkReadBodySchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => {
      await service.markMyThreadRead(app, principalOf(request), request.params.id, request.body.seq)
      return reply.code(204).send(null)
    }
  )

  app.post(
    '/threads/:id/rating',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Rate the answer (1–5), once, when the thread is resolved',
        description: 'Not resolved, or rated already: 409 NOT_RATEABLE.',
        params: IdParamsSchema,
        body: RateThreadBodySchema,
        response: responses({ 201: ThreadRatingSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request, reply) =>
      reply.code(201).send(await service.rateMyThread(app, principalOf(request), request.params.id, request.body))
  )

  await app.register(staffMessagingRoutes)
}

export default messagingRoutes

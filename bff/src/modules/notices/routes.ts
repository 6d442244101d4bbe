import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  InboxPageSchema,
  ListQuerySchema,
  NoContentSchema,
  NoticePageSchema,
  NoticeSchema,
  PEOPLE_ROLES as PEOPLE,
  ReadAllNotificationsResultSchema,
  UnreadCountSchema
} from '@veterans/shared'
import { bearer, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import { sendSerializedOnce } from '../../lib/serialize-once'
import { NoticeFanout } from './fanout'
import * as service from './service'
import { audienceOf } from './staff-service'
import staffNoticesRoutes from './staff-routes'

/**
 * Notices: staff compose, approve and send; residents read them in their inbox. A person sees only the notices
 * they received. The fan-out of a notice left sending by a restart resumes when the app is ready, and stops
 * (between batches) when it closes.
 */
const noticesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['notices']
  const fanout = new NoticeFanout({
    db: app.db,
    log: app.log,
    realtime: app.hasDecorator('realtime') ? app.realtime : undefined,
    resolveAudience: (notice) => audienceOf(app, notice)
  })
  app.addHook('onReady', async () => fanout.resumeAll())
  app.addHook('preClose', async () => fanout.stop())

  app.get(
    '/notices',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Notices I received, newest first',
        description: 'Paged with `limit` and `cursor`.',
        querystring: ListQuerySchema,
        response: responses({ 200: NoticePageSchema }, 400, 401, 403)
      }
    },
    async (request, reply) =>
      sendSerializedOnce(reply, await service.listMyNotices(app, principalOf(request).userId, request.query))
  )

  app.get(
    '/notices/unread-count',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'How many of my notices are unread',
        response: responses({ 200: UnreadCountSchema }, 401, 403)
      }
    },
    async (request) => service.myUnreadNotices(app, principalOf(request).userId)
  )

  app.get(
    '/notices/:id',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'A notice I received',
        description: 'A notice I did not receive: 404.',
        params: IdParamsSchema,
        response: responses({ 200: NoticeSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.getMyNotice(app, principalOf(request).userId, request.params.id)
  )

  app.post(
    '/notices/:id/read',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark a notice read',
        description: 'Reading again keeps the first time. A notice I did not receive: 404.',
        params: IdParamsSchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => {
      await service.markMyNoticeRead(app, principalOf(request).userId, request.params.id)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/me/inbox',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'My inbox: notices and notifications in one list, newest first',
        description:
          'Added to the contract. One cursor pages both kinds; `unreadCount` is unread notices plus unread ' +
          'notifications.',
        querystring: ListQuerySchema,
        response: responses({ 200: InboxPageSchema }, 400, 401)
      }
    },
    async (request) => service.myInbox(app, principalOf(request).userId, request.query)
  )

  app.post(
    '/me/inbox/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark everything in my inbox read',
        description: 'Added to the contract. Answers how many entries were unread.',
        response: responses({ 200: ReadAllNotificationsResultSchema }, 401)
      }
    },
    async (request) => service.markMyInboxRead(app, principalOf(request).userId)
  )

  await app.register(staffNoticesRoutes, { fanout })
}

export default noticesRoutes

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema,
  NoContentSchema,
  NotificationPageSchema,
  NotificationQuerySchema,
  ReadAllNotificationsResultSchema
} from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, responses } from '../../lib/route-schema'
import * as service from './service'

/** What a person has been told (waitlist promotions, closed slots …), newest first, with an unread count. */
const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['notifications']

  app.get(
    '/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'My notifications, newest first',
        description:
          'Added to the contract: paged (`limit`, `cursor`), `unread=true` for unread ones only; `unreadCount` counts all unread ones.',
        querystring: NotificationQuerySchema,
        response: responses({ 200: NotificationPageSchema }, 400, 401)
      }
    },
    async (request) => service.listMyNotifications(app, principalOf(request).userId, request.query)
  )

  app.post(
    '/me/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark one notification read',
        description: "Added to the contract. Someone else's notification: 404.",
        params: IdParamsSchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 404)
      }
    },
    async (request, reply) => {
      await service.markNotificationRead(app, principalOf(request).userId, request.params.id)
      return reply.code(204).send(null)
    }
  )

  app.post(
    '/me/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark all my notifications read',
        description: 'Added to the contract. Answers how many were unread.',
        response: responses({ 200: ReadAllNotificationsResultSchema }, 401)
      }
    },
    async (request) => service.markAllNotificationsRead(app, principalOf(request).userId)
  )
}

export default notificationsRoutes

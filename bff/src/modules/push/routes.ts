import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  PEOPLE_ROLES,
  PreferencesPatchSchema,
  PreferencesSchema,
  PushDeliveryPageSchema,
  PushDeliveryQuerySchema,
  STAFF_ROLES,
  SubscriptionCreditsSchema,
  SubscriptionResultsSchema
} from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, responses } from '../../lib/route-schema'
import * as service from './service'

/** Message preferences and WeChat subscription answers; staff follow WeChat deliveries. */
const pushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['notices']

  app.get(
    '/me/message-preferences',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'My message preferences',
        description:
          'Per kind of message (booking, security, reply, notice): whether it reaches the inbox and also comes as a WeChat subscription message. Defaults: everything in the inbox; WeChat for booking only. `wechatEnabled` is false when the server has no WeChat credentials (then nothing comes by WeChat).',
        response: responses({ 200: PreferencesSchema }, 401, 403)
      }
    },
    async (request) => service.getPreferences(app, principalOf(request).userId)
  )

  app.patch(
    '/me/message-preferences',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Change my message preferences',
        description:
          'Changes the kinds listed. Booking and security messages cannot be turned off in the inbox: 400 VALIDATION_FAILED naming `body.items.<i>.inbox`. WeChat for a kind only takes effect while the server’s WeChat channel is on and the person has subscribed to its template.',
        body: PreferencesPatchSchema,
        response: responses({ 200: PreferencesSchema }, 400, 401, 403)
      }
    },
    async (request) => service.updatePreferences(app, principalOf(request).userId, request.body)
  )

  app.get(
    '/me/wechat-subscriptions',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'My WeChat subscription credits',
        description: 'How many more messages each template may bring (one accepted subscription = one message).',
        response: responses({ 200: SubscriptionCreditsSchema }, 401, 403)
      }
    },
    async (request) => service.listCredits(app, principalOf(request).userId)
  )

  app.post(
    '/me/wechat-subscriptions',
    {
      config: { access: PEOPLE_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Record what Taro.requestSubscribeMessage answered',
        description:
          'Per template: `accept` adds one credit, other answers add none. A template the server does not use: 400 VALIDATION_FAILED naming `body.results.<i>.templateId`. Answers the credits.',
        body: SubscriptionResultsSchema,
        response: responses({ 200: SubscriptionCreditsSchema }, 400, 401, 403)
      }
    },
    async (request) => service.recordSubscriptions(app, principalOf(request).userId, request.body)
  )

  app.get(
    '/staff/push-deliveries',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'WeChat delivery state per recipient',
        description:
          'For a notice (or, city level only, a notification): each recipient’s WeChat delivery, names masked, oldest first, paged. A notice outside the staff member’s scope, or unknown: 404.',
        querystring: PushDeliveryQuerySchema,
        response: responses({ 200: PushDeliveryPageSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.listDeliveries(app, principalOf(request), request.query)
  )
}

export default pushRoutes

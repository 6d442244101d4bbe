import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NoContentSchema, RefreshBodySchema, StaffSignInBodySchema, TokenPairSchema, WechatSignInBodySchema } from '@veterans/shared'
import { responses } from '../../lib/route-schema'
import { signInRateLimit } from '../../plugins/security'
import * as service from './service'

const accountField = (field: string) => (body: unknown) =>
  String((body as Record<string, unknown> | undefined)?.[field] ?? '').slice(0, 128).toLowerCase()

/** Sign-in (WeChat and staff), token refresh with rotation, logout. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['auth']

  app.post('/auth/wechat', {
    config: { access: 'public', rateLimit: signInRateLimit(accountField('code')) },
    schema: {
      tags, summary: 'Sign in with a wx.login code',
      body: WechatSignInBodySchema,
      response: responses({ 200: TokenPairSchema }, 400, 401, 429, 503)
    }
  }, async (request) => service.signInWithWechat(app, request.body.code))

  app.post('/auth/staff', {
    config: { access: 'public', rateLimit: signInRateLimit(accountField('username')) },
    schema: {
      tags, summary: 'Staff sign-in with username and password',
      body: StaffSignInBodySchema,
      response: responses({ 200: TokenPairSchema }, 400, 401, 429)
    }
  }, async (request) => service.signInStaff(app, request.body.username, request.body.password))

  app.post('/auth/refresh', {
    config: { access: 'public' },
    schema: { tags, summary: 'Rotate the refresh token', body: RefreshBodySchema, response: responses({ 200: TokenPairSchema }, 400, 401) }
  }, async (request) => service.refreshTokens(app, request.body.refreshToken))

  app.post('/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'End this login', body: RefreshBodySchema, response: responses({ 204: NoContentSchema }, 400) }
  }, async (request, reply) => {
    await service.logout(app, request.body.refreshToken)
    return reply.code(204).send(null)
  })
}

export default authRoutes

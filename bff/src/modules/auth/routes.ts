import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  NoContentSchema,
  RefreshBodySchema,
  StaffSignInBodySchema,
  TokenPairSchema,
  WechatSignInBodySchema
} from '@veterans/shared'
import { responses } from '../../lib/route-schema'
import * as service from './service'

/** Given by app.ts: how token pairs describe the signed-in person (the me capability's getMe). */
export interface AuthRoutesOptions {
  describeUser: service.DescribeUser
  /** Given by app.ts: told when a login ends, so realtime closes its sockets at once. */
  sessionEnded?: service.SessionEnded
}

// Runs as a preHandler, after the body schema has made the field a string (or left it out).
const accountField = (field: string) => (body: unknown) => {
  const value = (body as Record<string, unknown> | undefined)?.[field]
  return (typeof value === 'string' ? value : '').slice(0, 128).toLowerCase()
}

/**
 * Sign-in routes' own limit, on top of the general one (plugins/security.ts): per address and account or code,
 * checked once the body is parsed.
 */
function signInRateLimit(accountOf: (body: unknown) => string) {
  return {
    max: 10,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (request: { ip: string; body: unknown }) => `${request.ip}|${accountOf(request.body)}`
  }
}

/** Sign-in (WeChat and staff), token refresh with rotation, logout. */
const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { describeUser, sessionEnded }) => {
  const tags = ['auth']

  app.post(
    '/auth/wechat',
    {
      config: { access: 'public', rateLimit: signInRateLimit(accountField('code')) },
      schema: {
        tags,
        summary: 'Sign in with a wx.login code',
        body: WechatSignInBodySchema,
        response: responses({ 200: TokenPairSchema }, 400, 401, 429, 503)
      }
    },
    async (request) => service.signInWithWechat(app, request.body.code, describeUser)
  )

  app.post(
    '/auth/staff',
    {
      config: { access: 'public', rateLimit: signInRateLimit(accountField('username')) },
      schema: {
        tags,
        summary: 'Staff sign-in with username and password',
        body: StaffSignInBodySchema,
        response: responses({ 200: TokenPairSchema }, 400, 401, 429)
      }
    },
    async (request) => service.signInStaff(app, request.body.username, request.body.password, describeUser)
  )

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rotate the refresh token',
        body: RefreshBodySchema,
        response: responses({ 200: TokenPairSchema }, 400, 401)
      }
    },
    async (request) => service.refreshTokens(app, request.body.refreshToken, describeUser, sessionEnded)
  )

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'End this login',
        body: RefreshBodySchema,
        response: responses({ 204: NoContentSchema }, 400)
      }
    },
    async (request, reply) => {
      await service.logout(app, request.body.refreshToken, sessionEnded)
      return reply.code(204).send(null)
    }
  )
}

export default authRoutes

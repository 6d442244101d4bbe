import fp from 'fastify-plugin'
import fastifyJwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import type { Role } from '@veterans/shared'
import { AppError } from '../lib/app-error'
import { accessTokenOptions, createAccessTokens, type AccessClaims } from '../modules/auth/tokens'
import type { Principal } from '../lib/principal'
import { findSessionPrincipal } from '../modules/auth/repo'

/**
 * Who may call a route. Every route under /api/v1 must declare it; the app refuses to start otherwise,
 * so no route can forget its access rule.
 * - 'public': anyone; 'authenticated': any signed-in account; a list of roles: only those (STAFF_ROLES and
 *   PEOPLE_ROLES of @veterans/shared name the usual ones).
 */
export type Access = 'public' | 'authenticated' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyInstance {
    accessTokens: ReturnType<typeof createAccessTokens>
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims
    /** Unused: request.principal, checked against the session, says who is signed in. */
    user: null
  }
}

/**
 * What an account that must change its password (an admin reset it) may still call: who it is, the change itself,
 * and sign-in/out (/auth/*, most of them public anyway). Everything else answers 403 PASSWORD_CHANGE_REQUIRED.
 */
function allowedBeforePasswordChange(method: string, url: string): boolean {
  return (
    (method === 'GET' && url === '/api/v1/me') ||
    (method === 'POST' && url === '/api/v1/me/password') ||
    url.startsWith('/api/v1/auth/')
  )
}

/** The signed-in principal of a route that requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED')
  return request.principal
}

export default fp(
  async (app) => {
    await app.register(fastifyJwt, accessTokenOptions(app.config.jwtSecret))
    app.decorate('accessTokens', createAccessTokens(app.jwt))
    app.decorateRequest('principal', null)

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return
      if (!route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`)
      }
    })

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config?.access
      if (!access || access === 'public') return
      const header = request.headers.authorization
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : ''
      const claims = token ? app.accessTokens.verify(token) : null
      const principal = claims ? await findSessionPrincipal(app.db, claims.sid, claims.sub) : null
      if (!principal) throw new AppError('UNAUTHENTICATED')
      if (access !== 'authenticated' && !access.includes(principal.role)) throw new AppError('FORBIDDEN')
      if (
        principal.mustChangePassword &&
        !allowedBeforePasswordChange(request.method, request.routeOptions.url ?? '')
      ) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED')
      }
      request.principal = principal
    })
  },
  { name: 'auth', dependencies: ['db', 'errors'] }
)

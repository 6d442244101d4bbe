import type { FastifyJWTOptions, JWT } from '@fastify/jwt'

export const ACCESS_TOKEN_SECONDS = 15 * 60
export const REFRESH_TOKEN_DAYS = 30

const ISSUER = 'veterans-bff'

export interface AccessClaims {
  sub: string
  sid: string
}

/**
 * @fastify/jwt options for short-lived access tokens (HS256). Only this issuer and algorithm are accepted; the
 * verifier caches recent tokens, since every signed-in request presents one.
 */
export function accessTokenOptions(secret: string): FastifyJWTOptions {
  return {
    secret,
    sign: { algorithm: 'HS256', iss: ISSUER, expiresIn: ACCESS_TOKEN_SECONDS },
    verify: { algorithms: ['HS256'], allowedIss: ISSUER, cache: 1000 }
  }
}

/** Access tokens name the session, which the server checks on every request. */
export function createAccessTokens(jwt: JWT) {
  return {
    sign: (claims: AccessClaims): string => jwt.sign({ sub: claims.sub, sid: claims.sid }),
    /** The claims of a valid, unexpired token, or null. */
    verify(token: string): AccessClaims | null {
      try {
        const claims = jwt.verify<Partial<AccessClaims>>(token)
        return typeof claims.sub === 'string' && typeof claims.sid === 'string'
          ? { sub: claims.sub, sid: claims.sid }
          : null
      } catch {
        return null
      }
    }
  }
}

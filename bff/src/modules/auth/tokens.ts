import type { FastifyJWTOptions, JWT } from '@fastify/jwt'

export const ACCESS_TOKEN_SECONDS = 15 * 60
export const REFRESH_TOKEN_DAYS = 30

const ISSUER = 'veterans-bff'

export interface AccessClaims {
  sub: string
  sid: string
}

/** @fastify/jwt options for short-lived access tokens (HS256). Only this issuer and algorithm are accepted. */
export function accessTokenOptions(secret: string): FastifyJWTOptions {
  return {
    secret,
    sign: { algorithm: 'HS256', iss: ISSUER, expiresIn: ACCESS_TOKEN_SECONDS },
    verify: { algorithms: ['HS256'], allowedIss: ISSUER }
  }
}

/** Tokens verified lately, by their exact text, until they expire; when full, it starts again empty. */
const VERIFIED_LIMIT = 10_000

/**
 * Access tokens name the session, which the server checks on every request. Every signed-in request presents
 * one, and checking the signature each time cost more than the rest of a cached read: a token already verified
 * is looked up by its exact text (any other byte makes it a new token, checked in full) and kept until it expires.
 */
export function createAccessTokens(jwt: JWT) {
  const verified = new Map<string, AccessClaims & { expiresAtMs: number }>()
  return {
    sign: (claims: AccessClaims): string => jwt.sign({ sub: claims.sub, sid: claims.sid }),
    /** The claims of a valid, unexpired token, or null. */
    verify(token: string): AccessClaims | null {
      const known = verified.get(token)
      if (known && known.expiresAtMs > Date.now()) return { sub: known.sub, sid: known.sid }
      let claims: Partial<AccessClaims> & { exp?: unknown }
      try {
        claims = jwt.verify<Partial<AccessClaims> & { exp?: unknown }>(token)
      } catch {
        return null
      }
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
        return null
      }
      if (verified.size >= VERIFIED_LIMIT) verified.clear()
      verified.set(token, { sub: claims.sub, sid: claims.sid, expiresAtMs: claims.exp * 1000 })
      return { sub: claims.sub, sid: claims.sid }
    }
  }
}

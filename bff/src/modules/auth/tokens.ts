import { createSigner, createVerifier } from 'fast-jwt'

export const ACCESS_TOKEN_SECONDS = 15 * 60
export const REFRESH_TOKEN_DAYS = 30

export interface AccessClaims {
  sub: string
  sid: string
}

/** Short-lived access tokens (HS256). They name the session, which the server checks on every request. */
export function createAccessTokens(secret: string) {
  const sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS * 1000, iss: 'veterans-bff' })
  const verify = createVerifier({ key: secret, algorithms: ['HS256'], allowedIss: 'veterans-bff', cache: 1000 })
  return {
    sign: (claims: AccessClaims): string => sign({ ...claims }),
    /** The claims of a valid, unexpired token, or null. */
    verify(token: string): AccessClaims | null {
      try {
        const claims = verify(token) as Partial<AccessClaims>
        return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? { sub: claims.sub, sid: claims.sid } : null
      } catch {
        return null
      }
    }
  }
}

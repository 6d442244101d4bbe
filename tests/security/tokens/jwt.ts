import { createHmac } from 'node:crypto'

// Hand-made JWTs, so the tests decide every byte an attacker could: the header's algorithm, the claims, the key.

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

export interface Claims {
  sub: string
  sid: string
  iss?: string
  iat?: number
  exp?: number
}

/** A token with this header and these claims, signed with HMAC-SHA256 under `secret` (or unsigned for alg none). */
export function makeToken(header: Record<string, unknown>, claims: Claims, secret: string | null): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`
  const signature = secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url')
  return `${unsigned}.${signature}`
}

/** The claims of a token the app issued. */
export function claimsOf(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Claims
}

/** The token with its claims replaced, the original signature kept. */
export function withClaims(token: string, claims: Claims): string {
  const [header, , signature] = token.split('.')
  return `${header}.${base64url(claims)}.${signature}`
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createHmac } from 'node:crypto'
import { buildTestApp, signInWechat, testEnv } from '../src/testing/index'
import { eq } from 'drizzle-orm'
import { sessions } from '../src/db/schema/index'

const refresh = (app: FastifyInstance, refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } })
const me = (app: FastifyInstance, accessToken: string) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${accessToken}` } })

describe('access and refresh tokens', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ SEED: 'none' })
  })
  afterAll(() => app.close())

  it('rotates the refresh token: the new pair works, the old refresh token does not', async () => {
    const session = await signInWechat(app, 'rotator')
    const rotated = await refresh(app, session.refreshToken)
    expect(rotated.statusCode).toBe(200)
    const pair = rotated.json()
    expect(pair.refreshToken).not.toBe(session.refreshToken)
    expect(pair.user.id).toBe(session.user.id)
    expect((await me(app, pair.accessToken)).statusCode).toBe(200)
  })

  it('treats a rotated refresh token presented again as theft: 401 REFRESH_TOKEN_REUSED and the whole login ends', async () => {
    const session = await signInWechat(app, 'victim')
    const pair = (await refresh(app, session.refreshToken)).json()
    const replay = await refresh(app, session.refreshToken)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('REFRESH_TOKEN_REUSED')
    expect((await me(app, pair.accessToken)).statusCode).toBe(401)
    expect((await refresh(app, pair.refreshToken)).json().error.code).toBe('UNAUTHENTICATED')
  })

  it('lets exactly one of two concurrent refreshes with one token succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const session = await signInWechat(app, `racer${round}`)
      const results = await Promise.all([refresh(app, session.refreshToken), refresh(app, session.refreshToken)])
      const statuses = results.map((r) => r.statusCode).sort()
      expect(statuses).toEqual([200, 401])
      expect(results.find((r) => r.statusCode === 401)!.json().error.code).toBe('REFRESH_TOKEN_REUSED')
    }
  })

  it('keeps a login in use alive: a refresh moves its end to the new refresh token’s', async () => {
    const session = await signInWechat(app, 'regular')
    // A login signed in almost 30 days ago: it would end in a moment.
    await app.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 300).toISOString() })
      .where(eq(sessions.userId, session.user.id))
    const pair = (await refresh(app, session.refreshToken)).json()
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect((await me(app, pair.accessToken)).statusCode).toBe(200)
  })

  it('ends the session on logout: its access token and refresh token stop working', async () => {
    const session = await signInWechat(app, 'leaver')
    const other = await signInWechat(app, 'leaver')
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: session.refreshToken }
    })
    expect(logout.statusCode).toBe(204)
    expect((await me(app, session.accessToken)).statusCode).toBe(401)
    expect((await refresh(app, session.refreshToken)).statusCode).toBe(401)
    // The same person's other login (another phone) is untouched.
    expect((await me(app, other.accessToken)).statusCode).toBe(200)
  })

  it('answers 401 UNAUTHENTICATED for missing, malformed, forged, expired, other-issuer and other-algorithm access tokens', async () => {
    const session = await signInWechat(app, 'holder')
    const secret = testEnv().JWT_SECRET!
    const now = Math.floor(Date.now() / 1000)
    const forged = signToken('another-secret-that-is-long-enough-123', 'HS256', {
      sub: session.user.id,
      sid: 'whatever',
      iss: 'veterans-bff',
      iat: now,
      exp: now + 900
    })
    const expiredToken = signToken(secret, 'HS256', {
      sub: session.user.id,
      sid: 'x',
      iss: 'veterans-bff',
      iat: now - 901,
      exp: now - 1
    })
    // The live session's own claims, signed right but for another issuer or with another algorithm.
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString())
    const live = { sub: claims.sub, sid: claims.sid, iat: now, exp: now + 900 }
    const otherIssuer = signToken(secret, 'HS256', { ...live, iss: 'someone-else' })
    const otherAlgorithm = signToken(secret, 'HS512', { ...live, iss: 'veterans-bff' })
    const resigned = signToken(secret, 'HS256', { ...live, iss: 'veterans-bff' })
    expect((await me(app, resigned)).statusCode).toBe(200)
    const refused = [forged, expiredToken, otherIssuer, otherAlgorithm].map((token) => ({
      authorization: `Bearer ${token}`
    }))
    for (const headers of [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Bearer abc.def.ghi' },
      ...refused,
      { authorization: session.accessToken }
    ]) {
      const response = await app.inject({ method: 'GET', url: '/api/v1/me', headers })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), details: {} } })
    }
  })

  it('refuses a token it accepted before once it has expired, and any token that differs from it by a byte', async () => {
    const session = await signInWechat(app, 'short-lived')
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString())
    const now = Math.floor(Date.now() / 1000)
    const token = signToken(testEnv().JWT_SECRET!, 'HS256', { ...claims, iat: now, exp: now + 2 })
    expect((await me(app, token)).statusCode).toBe(200)
    const [head, body, signature] = token.split('.') as [string, string, string]
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
    expect((await me(app, `${head}.${body}.${flipped}`)).statusCode).toBe(401)
    const realNow = Date.now
    try {
      Date.now = () => realNow() + 3_000
      expect((await me(app, token)).statusCode).toBe(401)
    } finally {
      Date.now = realNow
    }
  })

  it('answers 401 for an unknown refresh token and 400 for a missing one', async () => {
    expect((await refresh(app, 'not-a-token')).json().error.code).toBe('UNAUTHENTICATED')
    const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: {} })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details.fields).toEqual([{ path: 'body.refreshToken', message: '必填' }])
  })
})

/** A JWT made by hand (RFC 7519 with HMAC), so the test does not trust the library it checks. */
function signToken(secret: string, algorithm: 'HS256' | 'HS512', claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url')
  const unsigned = `${encode({ alg: algorithm, typ: 'JWT' })}.${encode(claims)}`
  const signature = createHmac(algorithm === 'HS256' ? 'sha256' : 'sha512', secret)
    .update(unsigned)
    .digest('base64url')
  return `${unsigned}.${signature}`
}

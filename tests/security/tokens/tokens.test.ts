import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import { buildTestApp, signInWechat, testEnv } from '@veterans/bff/testing'
import { claimsOf, makeToken, withClaims } from './jwt'
import { openSignedInSocket } from './socket'

// Every way a token can be wrong is refused with the contract's code (API.md, Auth), over HTTP and on an open socket.

const SECRET = testEnv().JWT_SECRET!
const HS256 = { alg: 'HS256', typ: 'JWT' }
const now = () => Math.floor(Date.now() / 1000)

describe('tokens', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>
  let wsUrl: string
  let refused = 0

  const me = (accessToken: string) =>
    app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${accessToken}` } })
  const refresh = (refreshToken: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } })
  /** The answer must be 401 with this code. */
  const expectRefused = (response: { statusCode: number; json(): unknown }, code = 'UNAUTHENTICATED') => {
    expect(response.statusCode).toBe(401)
    expect((response.json() as { error: { code: string } }).error.code).toBe(code)
    refused += 1
  }

  beforeAll(async () => {
    app = await buildTestApp({ WS_HEARTBEAT_MS: '60000' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    wsUrl = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/ws`
  })
  afterAll(async () => {
    console.log(`[tokens] refusals checked=${refused}`)
    await app.close()
  })

  it('accepts a token made here the way the app makes them (so the refusals below are about the one change)', async () => {
    const session = await signInWechat(app, 'laowang')
    const { sub, sid } = claimsOf(session.accessToken)
    const made = makeToken(HS256, { sub, sid, iss: 'veterans-bff', iat: now(), exp: now() + 600 }, SECRET)
    expect((await me(made)).statusCode).toBe(200)
    expect((await me(session.accessToken)).statusCode).toBe(200)
  })

  it('refuses a token whose claims were changed after signing', async () => {
    const laowang = await signInWechat(app, 'laowang')
    const xiaowang = await signInWechat(app, 'xiaowang')
    const forged = withClaims(laowang.accessToken, {
      ...claimsOf(laowang.accessToken),
      sub: claimsOf(xiaowang.accessToken).sub
    })
    expectRefused(await me(forged))
    const longer = withClaims(laowang.accessToken, { ...claimsOf(laowang.accessToken), exp: now() + 365 * 86400 })
    expectRefused(await me(longer))
  })

  it('refuses an expired token, an unsigned (alg none) one and one signed with another secret', async () => {
    const { sub, sid } = claimsOf((await signInWechat(app, 'laowang')).accessToken)
    const claims = { sub, sid, iss: 'veterans-bff', iat: now() - 3600, exp: now() - 60 }
    expectRefused(await me(makeToken(HS256, claims, SECRET)))
    const fresh = { ...claims, iat: now(), exp: now() + 600 }
    expectRefused(await me(makeToken({ alg: 'none', typ: 'JWT' }, fresh, null)))
    expectRefused(await me(makeToken({ alg: 'none' }, fresh, SECRET)))
    expectRefused(await me(makeToken(HS256, fresh, 'another-secret-that-is-long-enough-0000')))
    expectRefused(await me(makeToken(HS256, { ...fresh, iss: 'someone-else' }, SECRET)))
  })

  it('treats a refresh token used twice as theft: REFRESH_TOKEN_REUSED, and the whole login ends', async () => {
    const first = await signInWechat(app, 'zhangmin')
    const rotated = await refresh(first.refreshToken)
    expect(rotated.statusCode).toBe(200)
    const second = rotated.json<{ accessToken: string; refreshToken: string }>()

    expectRefused(await refresh(first.refreshToken), 'REFRESH_TOKEN_REUSED')
    // Everything of that login, including the pair the thief or the owner got from the first use.
    expectRefused(await refresh(second.refreshToken), 'UNAUTHENTICATED')
    expectRefused(await me(second.accessToken))
    expectRefused(await me(first.accessToken))
  })

  it('refuses the access and refresh tokens of a closed account', async () => {
    const session = await signInWechat(app, 'security-closer')
    expect((await session.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)
    expectRefused(await me(session.accessToken))
    expectRefused(await refresh(session.refreshToken))
  })

  it('closes an open WebSocket when its login signs out, and when its account is closed (4401)', async () => {
    const leaving = await signInWechat(app, 'security-socket-logout')
    const socket = await openSignedInSocket(wsUrl, leaving.accessToken)
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: leaving.refreshToken }
    })
    expect(logout.statusCode).toBe(204)
    expect(await socket.closedWithin()).toEqual({ code: 4401, reason: 'unauthenticated' })
    expectRefused(await me(leaving.accessToken))

    const closing = await signInWechat(app, 'security-socket-closer')
    const other = await openSignedInSocket(wsUrl, closing.accessToken)
    expect((await closing.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)
    expect(await other.closedWithin()).toEqual({ code: 4401, reason: 'unauthenticated' })
  })

  it('does not let a signed-out token open a new socket', async () => {
    const session = await signInWechat(app, 'security-socket-late')
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refreshToken: session.refreshToken } })
    await expect(openSignedInSocket(wsUrl, session.accessToken)).rejects.toThrow('closed (4401) before the ready frame')
  })
})

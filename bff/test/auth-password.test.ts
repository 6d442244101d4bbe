import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'

let app: FastifyInstance
let admin: Session

const signIn = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username, password } })
const changePassword = (session: Session, currentPassword: string, newPassword: string) =>
  session.request({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword, newPassword } })

beforeAll(async () => {
  app = await buildTestApp()
  admin = await signInStaff(app, 'admin')
})
afterAll(() => app.close())

describe('a password an admin reset must be changed first', () => {
  it('allows only GET /me, POST /me/password and /auth/* until the staff member chooses a new one', async () => {
    const before = await signInStaff(app, 'gaoxin')
    await admin.request({
      method: 'POST',
      url: `/api/v1/admin/staff/${before.user.id}/reset-password`,
      payload: { password: 'temporary-pass-1' }
    })
    const signedIn = await signIn('gaoxin', 'temporary-pass-1')
    expect(signedIn.json().user.mustChangePassword).toBe(true)
    const gaoxin = await signInStaff(app, 'gaoxin', 'temporary-pass-1')

    const me = await gaoxin.request({ method: 'GET', url: '/api/v1/me' })
    expect(me.statusCode).toBe(200)
    expect(me.json().mustChangePassword).toBe(true)
    for (const [method, url] of [
      ['GET', '/api/v1/staff/threads'],
      ['GET', '/api/v1/staff/stats?from=2026-12-01&to=2026-12-05'],
      ['PATCH', '/api/v1/me']
    ] as const) {
      const refused = await gaoxin.request({
        method,
        url,
        payload: method === 'PATCH' ? { elderMode: true } : undefined
      })
      expect(refused.statusCode, url).toBe(403)
      expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    }
    // Signing out and refreshing still work.
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: gaoxin.refreshToken }
    })
    expect(refreshed.statusCode).toBe(200)
    const current = { ...gaoxin, ...refreshed.json() }
    const session: Session = {
      ...current,
      request: (options) =>
        app.inject({
          ...options,
          headers: { ...(options.headers ?? {}), authorization: `Bearer ${current.accessToken}` }
        })
    }

    const wrong = await changePassword(session, 'not-the-password', 'my-own-password-1')
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS')
    const same = await changePassword(session, 'temporary-pass-1', 'temporary-pass-1')
    expect(same.statusCode).toBe(400)
    expect(same.json().error.details.fields[0].path).toBe('body.newPassword')
    const short = await changePassword(session, 'temporary-pass-1', 'short')
    expect(short.statusCode).toBe(400)
    expect(short.json().error.details.fields[0].path).toBe('body.newPassword')

    expect((await changePassword(session, 'temporary-pass-1', 'my-own-password-1')).statusCode).toBe(204)
    expect((await session.request({ method: 'GET', url: '/api/v1/me' })).json().mustChangePassword).toBe(false)
    expect((await session.request({ method: 'GET', url: '/api/v1/staff/threads' })).statusCode).toBe(200)
    expect((await signIn('gaoxin', 'temporary-pass-1')).statusCode).toBe(401)
    const fresh = await signIn('gaoxin', 'my-own-password-1')
    expect(fresh.statusCode).toBe(200)
    expect(fresh.json().user.mustChangePassword).toBe(false)
  })
})

describe('POST /me/password', () => {
  it('changes my password, ends my other logins and keeps this one; audited', async () => {
    const here = await signInStaff(app, 'donghu')
    const elsewhere = await signInStaff(app, 'donghu')
    expect((await changePassword(here, 'demo-password-2026', 'donghu-new-pass-1')).statusCode).toBe(204)
    expect((await here.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
    expect((await elsewhere.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    expect((await signIn('donghu', 'donghu-new-pass-1')).statusCode).toBe(200)
    const log = await admin.request({
      method: 'GET',
      url: '/api/v1/admin/audit',
      query: { action: 'me.change_password', actorId: here.user.id }
    })
    expect(log.json().items).toHaveLength(1)
    expect(JSON.stringify(log.json())).not.toContain('donghu-new-pass-1')
  })

  it('is for staff: residents 403, anonymous 401; a missing field 400', async () => {
    const laowang = await signInWechat(app, 'laowang')
    expect((await changePassword(laowang, 'whatever-pass', 'whatever-pass-2')).statusCode).toBe(403)
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'x', newPassword: 'long-enough-1' }
    })
    expect(anonymous.statusCode).toBe(401)
    const city = await signInStaff(app, 'city')
    const missing = await city.request({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { newPassword: 'long-enough-1' }
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details.fields[0].path).toMatch(/currentPassword/)
  })

  it('does not mark accounts that were never reset', async () => {
    const city = await signInStaff(app, 'city')
    expect(city.user.mustChangePassword).toBe(false)
    const laowang = await signInWechat(app, 'laowang')
    expect(laowang.user.mustChangePassword).toBeUndefined()
  })
})

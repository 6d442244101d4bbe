import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, DEMO_PASSWORD } from '../src/testing/index'

const staffSignIn = (app: FastifyInstance, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: payload as object })

describe('POST /auth/staff', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('signs a staff member in with their center, and an admin as admin', async () => {
    const staff = await staffSignIn(app, { username: 'donghu', password: DEMO_PASSWORD })
    expect(staff.statusCode).toBe(200)
    expect(staff.json().user).toMatchObject({ role: 'staff', center: { name: '东湖区退役军人服务中心' } })
    const admin = await staffSignIn(app, { username: 'ADMIN', password: DEMO_PASSWORD })
    expect(admin.json().user.role).toBe('admin')
  })

  it('gives one answer for an unknown user and a wrong password', async () => {
    const wrongPassword = await staffSignIn(app, { username: 'xijiang', password: 'not-the-password' })
    const unknownUser = await staffSignIn(app, { username: 'nobody-here', password: 'not-the-password' })
    expect(wrongPassword.statusCode).toBe(401)
    expect(unknownUser.statusCode).toBe(401)
    expect(wrongPassword.json()).toEqual(unknownUser.json())
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS')
  })

  it('locks a username for 15 minutes after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await staffSignIn(app, { username: 'nanshan', password: `wrong-${i}` })).statusCode).toBe(401)
    }
    const locked = await staffSignIn(app, { username: 'nanshan', password: DEMO_PASSWORD })
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS')
    const retryAfter = Number(locked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    // Another account is not affected.
    expect((await staffSignIn(app, { username: 'beitang', password: DEMO_PASSWORD })).statusCode).toBe(200)
  })

  it('counts parallel guesses too: of 12 wrong passwords sent at once, only 5 are tried', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => staffSignIn(app, { username: 'gaoxin', password: `guess-${i}` }))
    )
    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(7)
    expect((await staffSignIn(app, { username: 'gaoxin', password: DEMO_PASSWORD })).statusCode).toBe(429)
  })

  it('does not let WeChat accounts sign in as staff', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'dev:laowang' } })
    const response = await staffSignIn(app, { username: 'dev-laowang', password: DEMO_PASSWORD })
    expect(response.statusCode).toBe(401)
  })

  it('answers 400 with the missing fields named', async () => {
    const response = await staffSignIn(app, { username: '' })
    expect(response.statusCode).toBe(400)
    const paths = response.json().error.details.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']))
  })
})

describe('sign-in rate limits', () => {
  it('limits sign-in attempts per address and account with 429 RATE_LIMITED and Retry-After', async () => {
    const app = await buildTestApp({ SEED: 'none', RATE_LIMITS: 'on' })
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await staffSignIn(app, { username: 'someone', password: 'x' })).statusCode)
    }
    const limited = await staffSignIn(app, { username: 'someone', password: 'x' })
    // A different account from the same address is still served: one carrier-NAT address is many people.
    const other = await staffSignIn(app, { username: 'someone-else', password: 'x' })
    await app.close()
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(other.statusCode).toBe(401)
  })
})

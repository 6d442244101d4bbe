import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../src/testing/index'
import { startWechatServer } from '../src/testing/wechat-server'
import { ConfigError, loadConfig } from '../src/config'
import { testEnv } from '../src/testing/index'

const signIn = (app: FastifyInstance, code: unknown) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })

describe('POST /auth/wechat in dev-WeChat mode', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ SEED: 'none' })
  })
  afterAll(() => app.close())

  it('signs in dev:<name> as a new resident and returns the same account next time', async () => {
    const first = await signIn(app, 'dev:alice')
    expect(first.statusCode).toBe(200)
    const body = first.json()
    expect(body).toMatchObject({
      expiresIn: 900,
      user: { role: 'resident', displayName: 'alice', elderMode: false, familyOf: [] }
    })
    expect(typeof body.accessToken).toBe('string')
    expect(typeof body.refreshToken).toBe('string')
    const again = await signIn(app, 'dev:alice')
    expect(again.json().user.id).toBe(body.user.id)
  })

  it.each(['dev:', 'dev:has space', 'dev:' + 'x'.repeat(65), 'wx-real-code', 'dev:名字'])(
    'refuses the code %j',
    async (code) => {
      const response = await signIn(app, code)
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('WECHAT_CODE_INVALID')
    }
  )

  it('answers 400 with field details when the code is missing or not a string', async () => {
    for (const payload of [{}, { code: 12 }, { code: '' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
      expect(response.json().error.details.fields[0].path).toBe('body.code')
    }
  })
})

describe('POST /auth/wechat against a server speaking WeChat’s wire format', () => {
  let app: FastifyInstance
  let wechat: Awaited<ReturnType<typeof startWechatServer>>
  beforeAll(async () => {
    wechat = await startWechatServer('wx-test-appid', 'test-secret')
    app = await buildTestApp({
      SEED: 'none',
      WECHAT_APPID: 'wx-test-appid',
      WECHAT_SECRET: 'test-secret',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_TIMEOUT_MS: '300'
    })
  })
  afterAll(async () => {
    await app.close()
    await wechat.close()
  })

  it('exchanges the code at jscode2session and signs in by openid', async () => {
    const response = await signIn(app, 'ok-zhang')
    expect(response.statusCode).toBe(200)
    expect(response.json().user).toMatchObject({ role: 'resident', displayName: '微信用户' })
    const call = wechat.calls.at(-1)!
    expect(call.pathname).toBe('/sns/jscode2session')
    expect(Object.fromEntries(call.searchParams)).toEqual({
      appid: 'wx-test-appid',
      secret: 'test-secret',
      js_code: 'ok-zhang',
      grant_type: 'authorization_code'
    })
    const again = await signIn(app, 'ok-zhang')
    expect(again.json().user.id).toBe(response.json().user.id)
  })

  it('does not accept dev codes once a real AppID is configured', async () => {
    const response = await signIn(app, 'dev:alice')
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('WECHAT_CODE_INVALID')
  })

  it.each([
    ['err40029', 401, 'WECHAT_CODE_INVALID'],
    ['err40163', 401, 'WECHAT_CODE_INVALID'],
    ['err45011', 503, 'WECHAT_UNAVAILABLE'],
    ['err-1', 503, 'WECHAT_UNAVAILABLE'],
    ['garbage', 503, 'WECHAT_UNAVAILABLE'],
    ['slow', 503, 'WECHAT_UNAVAILABLE']
  ])('maps %s to %i %s', async (code, status, errorCode) => {
    const response = await signIn(app, code)
    expect(response.statusCode).toBe(status)
    expect(response.json().error.code).toBe(errorCode)
    expect(response.body).not.toMatch(/errcode|stack|test-secret/)
  })

  it('answers 503 WECHAT_UNAVAILABLE when WeChat cannot be reached at all', async () => {
    const unreachable = await buildTestApp({
      SEED: 'none',
      WECHAT_APPID: 'wx-test-appid',
      WECHAT_SECRET: 'test-secret',
      WECHAT_API_BASE: 'http://127.0.0.1:1',
      WECHAT_TIMEOUT_MS: '300'
    })
    const response = await signIn(unreachable, 'ok-zhang')
    await unreachable.close()
    expect(response.statusCode).toBe(503)
    expect(response.json().error.code).toBe('WECHAT_UNAVAILABLE')
  })
})

describe('configuration of WeChat sign-in', () => {
  it('refuses dev-WeChat mode in production unless WECHAT_DEV_MODE=1', () => {
    const production = testEnv({ NODE_ENV: 'production', WECHAT_APPID: undefined })
    expect(() => loadConfig(production)).toThrow(ConfigError)
    expect(() => loadConfig(production)).toThrow(/WECHAT_DEV_MODE/)
    expect(loadConfig({ ...production, WECHAT_DEV_MODE: '1' }).wechat.mode).toBe('dev')
  })

  it('requires WECHAT_SECRET with WECHAT_APPID, and PII_KEY and JWT_SECRET in production, naming each', () => {
    try {
      loadConfig({ NODE_ENV: 'production', WECHAT_APPID: 'wx1', DATABASE_URL: 'file::memory:' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      const problems = (error as ConfigError).problems.join('\n')
      expect(problems).toMatch(/WECHAT_SECRET/)
      expect(problems).toMatch(/PII_KEY/)
      expect(problems).toMatch(/JWT_SECRET/)
    }
  })
})

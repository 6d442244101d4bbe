import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { startWechatServer } from '../src/testing/wechat-server'
import { createDevWechatClient } from '../src/modules/auth/wechat-client'

// The routes of preferences and WeChat subscriptions, in dev-WeChat mode (channel off) and with the channel on.

describe('message preferences and subscriptions, channel off (no WeChat credentials)', () => {
  let app: FastifyInstance
  let laowang: Session
  let xiaowang: Session
  let donghu: Session
  beforeAll(async () => {
    app = await buildTestApp({ JOB_POLL_MS: '3600000' })
    laowang = await signInWechat(app, 'laowang')
    xiaowang = await signInWechat(app, 'xiaowang')
    donghu = await signInStaff(app, 'donghu')
  })
  afterAll(() => app.close())

  it('starts from the defaults: everything in the inbox, WeChat for bookings, no template while off', async () => {
    const response = await laowang.request({ method: 'GET', url: '/api/v1/me/message-preferences' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      wechatEnabled: false,
      items: [
        { kind: 'booking', label: '预约提醒与变动', inbox: true, inboxLocked: true, wechat: true, templateId: null },
        { kind: 'security', label: '账号安全', inbox: true, inboxLocked: true, wechat: false, templateId: null },
        { kind: 'reply', label: '工作人员回复', inbox: true, inboxLocked: false, wechat: false, templateId: null },
        { kind: 'notice', label: '政策通知', inbox: true, inboxLocked: false, wechat: false, templateId: null }
      ]
    })
  })

  it('changes only the kinds named, for this person only', async () => {
    const response = await laowang.request({
      method: 'PATCH',
      url: '/api/v1/me/message-preferences',
      payload: {
        items: [
          { kind: 'reply', inbox: false },
          { kind: 'notice', wechat: true }
        ]
      }
    })
    expect(response.statusCode, response.body).toBe(200)
    const byKind = Object.fromEntries(
      (response.json().items as { kind: string; inbox: boolean; wechat: boolean }[]).map((i) => [i.kind, i])
    )
    expect(byKind.reply).toMatchObject({ inbox: false, wechat: false })
    expect(byKind.notice).toMatchObject({ inbox: true, wechat: true })
    expect(byKind.booking).toMatchObject({ inbox: true, wechat: true })
    const again = await laowang.request({ method: 'GET', url: '/api/v1/me/message-preferences' })
    expect(again.json().items[2]).toMatchObject({ kind: 'reply', inbox: false })
    const other = await xiaowang.request({ method: 'GET', url: '/api/v1/me/message-preferences' })
    expect(other.json().items[2]).toMatchObject({ kind: 'reply', inbox: true })
  })

  it('refuses to take booking or security notices out of the inbox, naming the field', async () => {
    const response = await laowang.request({
      method: 'PATCH',
      url: '/api/v1/me/message-preferences',
      payload: {
        items: [
          { kind: 'notice', inbox: false },
          { kind: 'security', inbox: false }
        ]
      }
    })
    expect(response.statusCode).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details.fields).toEqual([
      { path: 'body.items.1.inbox', message: '“账号安全”必须保留在消息中，不能关闭' }
    ])
    // Nothing of the request was applied.
    const now = await laowang.request({ method: 'GET', url: '/api/v1/me/message-preferences' })
    expect(now.json().items[3]).toMatchObject({ kind: 'notice', inbox: true })
  })

  it.each([
    [{ items: [] }],
    [{ items: [{ kind: 'weather', inbox: true }] }],
    [{ items: [{ kind: 'reply', inbox: 'no' }] }],
    [{ items: [{ kind: 'reply' }, { kind: 'reply', wechat: true }] }]
  ])('answers 400 with field details for %j', async (payload) => {
    const response = await laowang.request({ method: 'PATCH', url: '/api/v1/me/message-preferences', payload })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
    expect(response.json().error.details.fields.length).toBeGreaterThan(0)
  })

  it('records subscription answers per template: each accept is one credit', async () => {
    const answer = await xiaowang.request({
      method: 'POST',
      url: '/api/v1/me/wechat-subscriptions',
      payload: {
        results: [
          { templateId: 'booking-reminder-tmpl', answer: 'accept' },
          { templateId: 'thread-reply-tmpl', answer: 'reject' }
        ]
      }
    })
    expect(answer.statusCode, answer.body).toBe(200)
    await xiaowang.request({
      method: 'POST',
      url: '/api/v1/me/wechat-subscriptions',
      payload: { results: [{ templateId: 'booking-reminder-tmpl', answer: 'accept' }] }
    })
    const credits = await xiaowang.request({ method: 'GET', url: '/api/v1/me/wechat-subscriptions' })
    expect(credits.json().items).toEqual([
      { templateId: 'booking-reminder-tmpl', remaining: 2 },
      { templateId: 'account-security-tmpl', remaining: 0 },
      { templateId: 'thread-reply-tmpl', remaining: 0 },
      { templateId: 'policy-notice-tmpl', remaining: 0 }
    ])
    const theirs = await laowang.request({ method: 'GET', url: '/api/v1/me/wechat-subscriptions' })
    expect(theirs.json().items.every((i: { remaining: number }) => i.remaining === 0)).toBe(true)
  })

  it('refuses an unknown template and a malformed answer', async () => {
    const unknown = await xiaowang.request({
      method: 'POST',
      url: '/api/v1/me/wechat-subscriptions',
      payload: {
        results: [
          { templateId: 'booking-reminder-tmpl', answer: 'accept' },
          { templateId: 'nope', answer: 'accept' }
        ]
      }
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.fields).toEqual([
      { path: 'body.results.1.templateId', message: '没有这个订阅消息模板' }
    ])
    const bad = await xiaowang.request({
      method: 'POST',
      url: '/api/v1/me/wechat-subscriptions',
      payload: { results: [{ templateId: 'booking-reminder-tmpl', answer: 'maybe' }] }
    })
    expect(bad.statusCode).toBe(400)
    // The refused request added no credit.
    const credits = await xiaowang.request({ method: 'GET', url: '/api/v1/me/wechat-subscriptions' })
    expect(credits.json().items[0]).toEqual({ templateId: 'booking-reminder-tmpl', remaining: 2 })
  })

  it('counts concurrent accepts exactly', async () => {
    const person = await signInWechat(app, 'push-many-accepts')
    await Promise.all(
      Array.from({ length: 20 }, () =>
        person.request({
          method: 'POST',
          url: '/api/v1/me/wechat-subscriptions',
          payload: { results: [{ templateId: 'policy-notice-tmpl', answer: 'accept' }] }
        })
      )
    )
    const credits = await person.request({ method: 'GET', url: '/api/v1/me/wechat-subscriptions' })
    expect(
      credits.json().items.find((i: { templateId: string }) => i.templateId === 'policy-notice-tmpl').remaining
    ).toBe(20)
  })

  it('is for residents, veterans and families: staff get 403, nobody signed in 401', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/me/message-preferences'],
      ['GET', '/api/v1/me/wechat-subscriptions']
    ] as const) {
      expect((await donghu.request({ method, url })).statusCode).toBe(403)
      expect((await app.inject({ method, url })).statusCode).toBe(401)
    }
  })
})

describe('staff follow deliveries', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ JOB_POLL_MS: '3600000' })
  })
  afterAll(() => app.close())

  it('404 for an unknown notice or another person’s notification (district staff), 403 for residents, 400 for bad input', async () => {
    const donghu = await signInStaff(app, 'donghu')
    const admin = await signInStaff(app, 'admin')
    const laowang = await signInWechat(app, 'laowang')
    const notice = await admin.request({
      method: 'GET',
      url: '/api/v1/staff/push-deliveries?sourceType=notice&sourceId=nope'
    })
    expect(notice.statusCode).toBe(404)
    const personal = await donghu.request({
      method: 'GET',
      url: '/api/v1/staff/push-deliveries?sourceType=notification&sourceId=x'
    })
    expect(personal.statusCode).toBe(404)
    const forAdmin = await admin.request({
      method: 'GET',
      url: '/api/v1/staff/push-deliveries?sourceType=notification&sourceId=x'
    })
    expect(forAdmin.json()).toEqual({ items: [], nextCursor: null })
    const resident = await laowang.request({
      method: 'GET',
      url: '/api/v1/staff/push-deliveries?sourceType=notification&sourceId=x'
    })
    expect(resident.statusCode).toBe(403)
    const bad = await admin.request({ method: 'GET', url: '/api/v1/staff/push-deliveries?sourceType=mail&status=lost' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields.length).toBeGreaterThan(0)
  })
})

describe('with the WeChat channel on', () => {
  it('names the template to request for each kind', async () => {
    const server = await startWechatServer('wx-pref-app', 'secret')
    const app = await buildTestApp(
      { WECHAT_APPID: 'wx-pref-app', WECHAT_SECRET: 'secret', WECHAT_API_BASE: server.baseUrl, JOB_POLL_MS: '3600000' },
      { wechat: createDevWechatClient() }
    )
    try {
      const laowang = await signInWechat(app, 'laowang')
      const response = await laowang.request({ method: 'GET', url: '/api/v1/me/message-preferences' })
      expect(response.json().wechatEnabled).toBe(true)
      expect(response.json().items.map((i: { templateId: string }) => i.templateId)).toEqual([
        'booking-reminder-tmpl',
        'account-security-tmpl',
        'thread-reply-tmpl',
        'policy-notice-tmpl'
      ])
    } finally {
      await app.close()
      await server.close()
    }
  })
})

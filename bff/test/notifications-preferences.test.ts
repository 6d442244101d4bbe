import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { book, catalog, createVeterans, DONGHU } from './booking-helpers'
import { answer, ask } from './messaging-helpers'
import { slotOn, toldOf } from './reminders-helpers'

// What reaches a person's inbox, by their preferences, with the WeChat channel off (dev-WeChat mode).

let app: FastifyInstance
let admin: Session
let city: Session
beforeAll(async () => {
  app = await buildTestApp({ JOB_POLL_MS: '3600000' })
  admin = await signInStaff(app, 'admin')
  city = await signInStaff(app, 'city')
})
afterAll(() => app.close())

const setPreferences = (session: Session, items: Record<string, unknown>[]) =>
  session.request({ method: 'PATCH', url: '/api/v1/me/message-preferences', payload: { items } })

describe('staff replies', () => {
  it('reach the inbox by default, and not once the person turned replies off there', async () => {
    const person = await signInWechat(app, 'notif-reply')
    const thread = await ask(person)
    expect((await answer(city, thread.id, '请带上身份证和退役证到服务中心办理。')).statusCode).toBe(201)
    const first = (await toldOf(person, 'thread.reply')).filter((n) => n.data.threadId === thread.id)
    expect(first).toHaveLength(1)
    expect(first[0]!.body).toContain('请带上身份证')

    expect((await setPreferences(person, [{ kind: 'reply', inbox: false }])).statusCode).toBe(200)
    expect((await answer(city, thread.id, '另外请带一张照片。')).statusCode).toBe(201)
    expect((await toldOf(person, 'thread.reply')).filter((n) => n.data.threadId === thread.id)).toHaveLength(1)
    // The reply itself is in the thread all the same.
    const messages = await person.request({ method: 'GET', url: `/api/v1/threads/${thread.id}/messages` })
    expect(messages.json().items.some((m: { body: string }) => m.body === '另外请带一张照片。')).toBe(true)
  })
})

describe('booking notices', () => {
  it('cannot be turned off, and reach the inbox with the WeChat channel off; nothing is queued for WeChat', async () => {
    const cat = await catalog(city)
    const [veteran] = await createVeterans(app, admin, 'notif-booking', 1)
    const refused = await setPreferences(veteran!, [{ kind: 'booking', inbox: false }])
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details.fields[0].path).toBe('body.items.0.inbox')
    // Subscribed and wanting WeChat, but the server has no WeChat credentials.
    await veteran!.request({
      method: 'POST',
      url: '/api/v1/me/wechat-subscriptions',
      payload: { results: [{ templateId: 'booking-reminder-tmpl', answer: 'accept' }] }
    })
    const slot = await slotOn(city, cat, { daysAhead: 2, time: '15:00', service: 'records', center: DONGHU })
    const booked = await book(veteran!, { slotId: slot.id })
    expect(booked.statusCode, booked.body).toBe(201)
    const [confirmation, ...more] = (await toldOf(veteran!, 'booking.confirmed')).filter(
      (n) => n.data.bookingId === booked.json().id
    )
    expect(more).toHaveLength(0)
    expect(confirmation!.title).toBe('预约成功')
    expect(confirmation!.body).toContain(DONGHU)
    const deliveries = await admin.request({
      method: 'GET',
      url: `/api/v1/staff/push-deliveries?sourceType=notification&sourceId=${confirmation!.id}`
    })
    expect(deliveries.json().items).toEqual([])
    const credits = await veteran!.request({ method: 'GET', url: '/api/v1/me/wechat-subscriptions' })
    expect(credits.json().items[0]).toEqual({ templateId: 'booking-reminder-tmpl', remaining: 1 })
    expect(await app.push.sendDue()).toBe(0)
  })
})

describe('security notices', () => {
  it('tell the owner when a reused refresh token ends a login', async () => {
    const person = await signInWechat(app, 'notif-security')
    const refresh = () =>
      app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: person.refreshToken } })
    const rotated = await refresh()
    expect(rotated.statusCode).toBe(200)
    expect((await refresh()).json().error.code).toBe('REFRESH_TOKEN_REUSED')
    // The login that was ended cannot read it; a new sign-in can.
    const again = await signInWechat(app, 'notif-security')
    const notices = await toldOf(again, 'security.login_revoked')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.body).toContain('如果不是您本人操作，请重新登录')
  })
})

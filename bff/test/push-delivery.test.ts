import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { startWechatServer } from '../src/testing/wechat-server'
import { createDevWechatClient } from '../src/modules/auth/wechat-client'
import { book, catalog, createVeterans, DONGHU, type Catalog } from './booking-helpers'
import { slotOn, toldOf } from './reminders-helpers'

// WeChat subscription messages against a local server speaking WeChat's wire format. Date is faked (only Date:
// group commit's setImmediate stays real) so that quiet hours and backoff can be walked through; the app's clock
// is the default one, Date.now.

const APP_ID = 'wx-test-app'
const SECRET = 'wx-test-secret'
const BOOKING_TEMPLATE = 'booking-reminder-tmpl'
const MINUTE = 60_000

let app: FastifyInstance
let server: Awaited<ReturnType<typeof startWechatServer>>
let admin: Session
let city: Session
let cat: Catalog

/** 10:00 Beijing time on a Monday. */
const MORNING = Date.parse('2026-12-07T02:00:00.000Z')

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(MORNING)
  server = await startWechatServer(APP_ID, SECRET)
  app = await buildTestApp(
    { WECHAT_APPID: APP_ID, WECHAT_SECRET: SECRET, WECHAT_API_BASE: server.baseUrl, JOB_POLL_MS: '3600000' },
    // Real WeChat channel, dev sign-in: demo and test accounts sign in by name (openid dev-<name>).
    { wechat: createDevWechatClient() }
  )
  admin = await signInStaff(app, 'admin')
  city = await signInStaff(app, 'city')
  cat = await catalog(city)
})
afterAll(async () => {
  await app.close()
  await server.close()
  vi.useRealTimers()
})

/** Moves Date to `at`; staff sign in again (access tokens live 15 minutes). */
async function setTime(at: number) {
  vi.setSystemTime(at)
  admin = await signInStaff(app, 'admin')
  city = await signInStaff(app, 'city')
}

async function subscribe(session: Session, templateId = BOOKING_TEMPLATE, answer = 'accept') {
  const response = await session.request({
    method: 'POST',
    url: '/api/v1/me/wechat-subscriptions',
    payload: { results: [{ templateId, answer }] }
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: { templateId: string; remaining: number }[] }>()
}

const creditOf = async (session: Session, templateId = BOOKING_TEMPLATE) =>
  (await session.request({ method: 'GET', url: '/api/v1/me/wechat-subscriptions' }))
    .json<{ items: { templateId: string; remaining: number }[] }>()
    .items.find((i) => i.templateId === templateId)?.remaining

/** A veteran who accepted the booking template once and booked: the confirmation's notification id. */
async function bookedWithCredit(prefix: string, daysAhead = 3) {
  const [veteran] = await createVeterans(app, admin, prefix, 1)
  await subscribe(veteran!)
  const slot = await slotOn(city, cat, { daysAhead, time: '14:00', service: 'employment', center: DONGHU })
  const booked = await book(veteran!, { slotId: slot.id })
  expect(booked.statusCode, booked.body).toBe(201)
  const bookingId = booked.json().id as string
  const confirmation = (await toldOf(veteran!, 'booking.confirmed')).find((n) => n.data.bookingId === bookingId)!
  return { veteran: veteran!, bookingId, notificationId: confirmation.id, openid: `dev-${prefix}-0`, slot }
}

async function deliveryOf(notificationId: string) {
  const response = await admin.request({
    method: 'GET',
    url: `/api/v1/staff/push-deliveries?sourceType=notification&sourceId=${notificationId}`
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items as {
    status: string
    attempts: number
    nextAttemptAt: string | null
    lastError: string | null
    recipientNameMasked: string
  }[]
}

const sentTo = (openid: string) => server.received.filter((m) => m.touser === openid)

describe('sending', () => {
  it('sends a booking confirmation in WeChat’s format and takes one credit', async () => {
    await setTime(MORNING)
    const { veteran, bookingId, notificationId, openid } = await bookedWithCredit('push-ok')
    expect(await creditOf(veteran)).toBe(0)
    const [queued] = await deliveryOf(notificationId)
    expect(queued).toMatchObject({ status: 'pending', attempts: 0 })
    expect(queued!.recipientNameMasked).toMatch(/\*/)

    await app.push.sendDue()
    const [message, ...more] = sentTo(openid)
    expect(more).toHaveLength(0)
    expect(message).toMatchObject({
      template_id: BOOKING_TEMPLATE,
      page: `booking/pages/detail/index?id=${bookingId}`,
      lang: 'zh_CN',
      miniprogram_state: 'formal'
    })
    expect(message!.data.time2!.value).toMatch(/^\d{4}年\d{2}月\d{2}日 14:\d{2}$/)
    expect(message!.data.thing3!.value).toBe(DONGHU)
    expect(Array.from(message!.data.phrase4!.value).length).toBeLessThanOrEqual(5)
    expect((await deliveryOf(notificationId))[0]).toMatchObject({ status: 'sent', attempts: 1, nextAttemptAt: null })

    // No credit left: the cancellation reaches the inbox only.
    const cancelled = await veteran.request({
      method: 'POST',
      url: `/api/v1/bookings/${bookingId}/cancel`,
      payload: {}
    })
    expect(cancelled.statusCode).toBe(200)
    const cancellation = (await toldOf(veteran, 'booking.cancelled')).find((n) => n.data.bookingId === bookingId)!
    expect(await deliveryOf(cancellation.id)).toEqual([])
    await app.push.sendDue()
    expect(sentTo(openid)).toHaveLength(1)
  })

  it('gets a new access token when WeChat says the old one is invalid (40001), and sends', async () => {
    await setTime(MORNING)
    const first = await bookedWithCredit('push-token-a')
    await app.push.sendDue()
    expect(sentTo(first.openid)).toHaveLength(1)
    const tokensBefore = server.counts.token

    server.expireTokens()
    const second = await bookedWithCredit('push-token-b')
    await app.push.sendDue()
    expect(sentTo(second.openid)).toHaveLength(1)
    expect(server.counts.token).toBe(tokensBefore + 1)
    expect((await deliveryOf(second.notificationId))[0]!.status).toBe('sent')
  })

  it('refreshes the token before it expires', async () => {
    await setTime(MORNING)
    const first = await bookedWithCredit('push-expiry-a')
    await app.push.sendDue()
    expect(sentTo(first.openid)).toHaveLength(1)
    const tokensBefore = server.counts.token
    // Tokens live 2 h; 1 h 56 min later the cached one is within 5 minutes of its end.
    await setTime(MORNING + 116 * MINUTE)
    const second = await bookedWithCredit('push-expiry-b')
    const sendsBefore = server.counts.send
    await app.push.sendDue()
    expect(sentTo(second.openid)).toHaveLength(1)
    expect(server.counts.token).toBe(tokensBefore + 1)
    // No failed send with the old token first.
    expect(server.counts.send).toBe(sendsBefore + 1)
  })
})

describe('failures', () => {
  it('retries temporary failures after 1, 5, 30 min and 2 h, then fails for good', async () => {
    await setTime(MORNING)
    const { notificationId, openid } = await bookedWithCredit('busy')
    const sends = () => server.counts.send
    let at = MORNING
    await app.push.sendDue()
    expect((await deliveryOf(notificationId))[0]).toMatchObject({ status: 'failed_temporary', attempts: 1 })
    for (const [waitMinutes, attempts] of [
      [1, 2],
      [5, 3],
      [30, 4]
    ] as const) {
      // Not before its time.
      await setTime(at + waitMinutes * MINUTE - 1000)
      const before = sends()
      await app.push.sendDue()
      expect(sends()).toBe(before)
      at += waitMinutes * MINUTE
      await setTime(at)
      await app.push.sendDue()
      const [delivery] = await deliveryOf(notificationId)
      expect(delivery).toMatchObject({ status: 'failed_temporary', attempts })
      expect(delivery!.lastError).toBe('errcode -1')
    }
    at += 120 * MINUTE
    await setTime(at)
    await app.push.sendDue()
    const [final] = await deliveryOf(notificationId)
    expect(final).toMatchObject({ status: 'failed_permanent', attempts: 5, nextAttemptAt: null })
    expect(final!.lastError).toContain('errcode -1')
    const after = sends()
    await setTime(at + 24 * 60 * MINUTE)
    await app.push.sendDue()
    expect(sends()).toBe(after)
    expect(sentTo(openid)).toHaveLength(0)
  })

  it.each([
    ['refuse', 'errcode 43101'],
    ['baddata', 'errcode 47003'],
    ['badopenid', 'errcode 40003']
  ])('does not retry a permanent refusal (%s)', async (prefix, error) => {
    await setTime(MORNING)
    const { notificationId } = await bookedWithCredit(prefix)
    await app.push.sendDue()
    expect((await deliveryOf(notificationId))[0]).toMatchObject({
      status: 'failed_permanent',
      attempts: 1,
      lastError: error,
      nextAttemptAt: null
    })
    const sends = server.counts.send
    await setTime(MORNING + 6 * 60 * MINUTE)
    await app.push.sendDue()
    expect(server.counts.send).toBe(sends)
  })

  it('a recipient programmed to be busy twice gets the message on the third try', async () => {
    await setTime(MORNING)
    const [veteran] = await createVeterans(app, admin, 'push-flaky', 1)
    server.failNext('dev-push-flaky-0', -1, 2)
    await subscribe(veteran!)
    const slot = await slotOn(city, cat, { daysAhead: 3, time: '14:00', service: 'legal_aid', center: DONGHU })
    expect((await book(veteran!, { slotId: slot.id })).statusCode).toBe(201)
    await app.push.sendDue()
    await setTime(MORNING + MINUTE)
    await app.push.sendDue()
    await setTime(MORNING + 6 * MINUTE)
    await app.push.sendDue()
    expect(sentTo('dev-push-flaky-0')).toHaveLength(1)
  })
})

describe('quiet hours', () => {
  it('hold a message queued at 22:30 until 08:00', async () => {
    const evening = Date.parse('2026-12-07T14:30:00.000Z') // 22:30 Beijing
    await setTime(evening)
    const { notificationId, openid } = await bookedWithCredit('push-night')
    await app.push.sendDue()
    expect(sentTo(openid)).toHaveLength(0)
    expect((await deliveryOf(notificationId))[0]!.nextAttemptAt).toBe('2026-12-08T00:00:00.000Z')
    await setTime(Date.parse('2026-12-07T23:59:00.000Z'))
    await app.push.sendDue()
    expect(sentTo(openid)).toHaveLength(0)
    await setTime(Date.parse('2026-12-08T00:00:00.000Z'))
    await app.push.sendDue()
    expect(sentTo(openid)).toHaveLength(1)
  })

  it('do not hold an urgent one: a security notice at night goes at once', async () => {
    const night = Date.parse('2026-12-07T16:00:00.000Z') // 00:00 Beijing
    await setTime(night)
    const [veteran] = await createVeterans(app, admin, 'push-security', 1)
    const patched = await veteran!.request({
      method: 'PATCH',
      url: '/api/v1/me/message-preferences',
      payload: { items: [{ kind: 'security', wechat: true }] }
    })
    expect(patched.statusCode, patched.body).toBe(200)
    await subscribe(veteran!, 'account-security-tmpl')
    const refresh = () =>
      app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: veteran!.refreshToken } })
    expect((await refresh()).statusCode).toBe(200)
    const reused = await refresh()
    expect(reused.json().error.code).toBe('REFRESH_TOKEN_REUSED')
    await app.push.sendDue()
    const [message] = sentTo('dev-push-security-0')
    expect(message).toMatchObject({ template_id: 'account-security-tmpl', page: 'pages/me/index' })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { query } from '../src/db/query'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  book,
  catalog,
  createSlot,
  createVeterans,
  DONGHU,
  linkFamily,
  slotSeen,
  type Catalog
} from './booking-helpers'

// Bookings in the person's data export, and what closing an account does to them.

let app: FastifyInstance
let donghu: Session
let cat: Catalog

beforeAll(async () => {
  app = await buildTestApp()
  donghu = await signInStaff(app, 'donghu')
  cat = await catalog(donghu)
})
afterAll(() => app.close())

describe('GET /me/export', () => {
  it('carries the bookings made by or for me, my waitlist entries and my notifications', async () => {
    const laowang = await signInWechat(app, 'laowang')
    const exported = (await laowang.request({ method: 'GET', url: '/api/v1/me/export' })).json()
    expect(exported.records.bookings.map((b: { status: string }) => b.status).sort()).toEqual([
      'booked',
      'booked',
      'cancelled',
      'completed'
    ])
    expect(exported.records.waitlist).toEqual([])
    expect(exported.records.notifications.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'booking.booked_for_you',
      'booking.completed'
    ])
    const zhangmin = await signInWechat(app, 'zhangmin')
    const theirs = (await zhangmin.request({ method: 'GET', url: '/api/v1/me/export' })).json()
    expect(theirs.records.bookings).toEqual([])
  })
})

describe('DELETE /me', () => {
  it('cancels the upcoming bookings the account made, frees them for the waitlist, ends its waiting and tells the veteran', async () => {
    const admin = await signInStaff(app, 'admin')
    const [veteran, holder, queued] = await createVeterans(app, admin, 'close', 3)
    const family = await linkFamily(app, veteran!, 'close-family')
    const a = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('records'),
      startsInMinutes: 3 * 24 * 60,
      capacity: 1
    })
    const b = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      // An hour after the first: a veteran's bookings must not overlap (TIME_CONFLICT).
      startsInMinutes: 3 * 24 * 60 + 60,
      capacity: 1
    })
    const forVeteran = (await book(family, { slotId: a.id, veteranId: veteran!.veteranId })).json()
    const byVeteran = (await book(veteran!, { slotId: b.id })).json()
    expect(
      (await queued!.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: a.id } })).statusCode
    ).toBe(201)
    const c = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('education'),
      startsInMinutes: 3 * 24 * 60 + 120,
      capacity: 1
    })
    expect((await book(holder!, { slotId: c.id })).statusCode).toBe(201)
    expect(
      (
        await family.request({
          method: 'POST',
          url: '/api/v1/waitlist',
          payload: { slotId: c.id, veteranId: veteran!.veteranId }
        })
      ).statusCode
    ).toBe(201)

    expect((await family.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)

    const cancelled = (await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${forVeteran.id}` })).json()
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '预约人已注销账号' })
    expect((await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${byVeteran.id}` })).json().status).toBe(
      'booked'
    )
    const told = (await veteran!.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items
    expect(
      told.some(
        (n: { kind: string; data: { bookingId: string } }) =>
          n.kind === 'booking.cancelled' && n.data.bookingId === forVeteran.id
      )
    ).toBe(true)
    // The freed place went to the waitlist; the closed account's own waiting ended.
    expect((await queued!.request({ method: 'GET', url: '/api/v1/waitlist' })).json().items[0]).toMatchObject({
      slotId: a.id,
      status: 'promoted'
    })
    expect((await slotSeen(veteran!, a.id)).remaining).toBe(0)
    expect((await slotSeen(veteran!, c.id)).waiting).toBe(0)
  })

  it('leaves no live booking when the account books and closes at the same moment', async () => {
    const admin = await signInStaff(app, 'admin')
    const closing = await createVeterans(app, admin, 'race-close', 8)
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('legal_aid'),
      startsInMinutes: 3 * 24 * 60,
      capacity: 20
    })
    const later = (turns: number) =>
      new Promise((resolve) => (turns === 0 ? resolve(null) : setImmediate(() => resolve(later(turns - 1)))))
    const outcomes = await Promise.all(
      closing.map(async (v, i) => {
        // The booking starts a few turns of the event loop before, with or after the closing, so that some
        // are signed in when they start and reach the database after the closing began.
        const [booked, closed] = await Promise.all([
          later(i % 8).then(() => book(v, { slotId: slot.id })),
          v.request({ method: 'DELETE', url: '/api/v1/me' })
        ])
        return { closed: closed.statusCode, booked: booked.statusCode }
      })
    )
    expect(outcomes.every((o) => o.closed === 204)).toBe(true)
    // Each booking either came first (and was then cancelled by the closing) or was refused.
    for (const o of outcomes) expect([201, 401]).toContain(o.booked)
    const live = await query(
      app.db,
      "SELECT count(*) FROM bookings b JOIN users u ON u.id = b.booked_by_user_id WHERE b.slot_id = ? AND b.status <> 'cancelled'"
    ).value(slot.id)
    expect(live).toBe(0)
    const listed = (
      await donghu.request({
        method: 'GET',
        url: `/api/v1/staff/slots?centerId=${slot.centerId}&serviceId=${slot.serviceId}`
      })
    ).json()
    expect(listed.items.find((s: { id: string }) => s.id === slot.id)).toMatchObject({ booked: 0 })
  })
})

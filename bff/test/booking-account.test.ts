import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { book, catalog, createSlot, createVeterans, DONGHU, linkFamily, slotSeen, type Catalog } from './booking-helpers'

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
    expect(exported.records.bookings.map((b: { status: string }) => b.status).sort()).toEqual(['booked', 'booked', 'cancelled', 'completed'])
    expect(exported.records.waitlist).toEqual([])
    expect(exported.records.notifications.map((n: { kind: string }) => n.kind).sort()).toEqual(['booking.booked_for_you', 'booking.completed'])
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
    const a = await createSlot(donghu, { centerId: cat.center(DONGHU), serviceId: cat.service('records'), startsInMinutes: 3 * 24 * 60, capacity: 1 })
    const b = await createSlot(donghu, { centerId: cat.center(DONGHU), serviceId: cat.service('employment'), startsInMinutes: 3 * 24 * 60, capacity: 1 })
    const forVeteran = (await book(family, { slotId: a.id, veteranId: veteran!.veteranId })).json()
    const byVeteran = (await book(veteran!, { slotId: b.id })).json()
    expect((await queued!.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: a.id } })).statusCode).toBe(201)
    const c = await createSlot(donghu, { centerId: cat.center(DONGHU), serviceId: cat.service('education'), startsInMinutes: 3 * 24 * 60, capacity: 1 })
    expect((await book(holder!, { slotId: c.id })).statusCode).toBe(201)
    expect((await family.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: c.id, veteranId: veteran!.veteranId } })).statusCode).toBe(201)

    expect((await family.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)

    const cancelled = (await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${forVeteran.id}` })).json()
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '预约人已注销账号' })
    expect((await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${byVeteran.id}` })).json().status).toBe('booked')
    const told = (await veteran!.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items
    expect(told.some((n: { kind: string; data: { bookingId: string } }) => n.kind === 'booking.cancelled' && n.data.bookingId === forVeteran.id)).toBe(true)
    // The freed place went to the waitlist; the closed account's own waiting ended.
    expect((await queued!.request({ method: 'GET', url: '/api/v1/waitlist' })).json().items[0]).toMatchObject({ slotId: a.id, status: 'promoted' })
    expect((await slotSeen(veteran!, a.id)).remaining).toBe(0)
    expect((await slotSeen(veteran!, c.id)).waiting).toBe(0)
  })
})

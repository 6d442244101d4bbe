import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { book, catalog, createSlot, DONGHU, errorCode, eveningIn } from './booking-helpers'

// GET /me/notifications, reading one and reading all.

let app: FastifyInstance
let laowang: Session
let xiaowang: Session

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, xiaowang] = await Promise.all([signInWechat(app, 'laowang'), signInWechat(app, 'xiaowang')])
})
afterAll(() => app.close())

const inbox = async (s: Session, query = '') =>
  (await s.request({ method: 'GET', url: `/api/v1/me/notifications${query}` })).json()

describe('notifications', () => {
  it('lists newest first with an unread count, pages, and marks one or all read', async () => {
    const donghu = await signInStaff(app, 'donghu')
    const cat = await catalog(donghu)
    const me = (await laowang.request({ method: 'GET', url: '/api/v1/me' })).json()
    // Three more things to be told: bookings his daughter makes for him.
    for (const service of ['employment', 'records', 'education']) {
      const slot = await createSlot(donghu, {
        centerId: cat.center(DONGHU),
        serviceId: cat.service(service),
        // Each at its own time: a veteran's bookings must not overlap (TIME_CONFLICT).
        startsInMinutes: eveningIn(3),
        capacity: 2
      })
      expect((await book(xiaowang, { slotId: slot.id, veteranId: me.veteran.id })).statusCode).toBe(201)
    }
    const all = await inbox(laowang)
    expect(all.items).toHaveLength(5)
    expect(all.unreadCount).toBe(5)
    const ids = all.items.map((n: { id: string }) => n.id)
    expect([...ids].sort().reverse()).toEqual(ids)
    expect(all.items[0]).toMatchObject({
      kind: 'booking.booked_for_you',
      title: '家属为您预约了服务',
      read: false,
      readAt: null
    })

    const first = await inbox(laowang, '?limit=2')
    const second = await inbox(laowang, `?limit=2&cursor=${first.nextCursor}`)
    const third = await inbox(laowang, `?limit=2&cursor=${second.nextCursor}`)
    expect([...first.items, ...second.items, ...third.items].map((n: { id: string }) => n.id)).toEqual(ids)
    expect(third.nextCursor).toBeNull()

    expect((await laowang.request({ method: 'POST', url: `/api/v1/me/notifications/${ids[1]}/read` })).statusCode).toBe(
      204
    )
    expect((await laowang.request({ method: 'POST', url: `/api/v1/me/notifications/${ids[1]}/read` })).statusCode).toBe(
      204
    )
    const after = await inbox(laowang)
    expect(after.unreadCount).toBe(4)
    expect(after.items[1]).toMatchObject({ read: true, readAt: expect.any(String) })
    expect((await inbox(laowang, '?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(ids[1])

    const readAll = await laowang.request({ method: 'POST', url: '/api/v1/me/notifications/read-all' })
    expect(readAll.json()).toEqual({ updated: 4 })
    expect((await inbox(laowang)).unreadCount).toBe(0)
  })

  it("someone else's notification is 404, bad input 400, no token 401", async () => {
    const theirs = (await inbox(laowang)).items[0].id
    const other = await laowang.request({ method: 'POST', url: `/api/v1/me/notifications/${theirs}/read` })
    expect(other.statusCode).toBe(204)
    const stranger = await xiaowang.request({ method: 'POST', url: `/api/v1/me/notifications/${theirs}/read` })
    expect(stranger.statusCode).toBe(404)
    expect(errorCode(stranger)).toBe('NOT_FOUND')
    const bad = await laowang.request({ method: 'GET', url: '/api/v1/me/notifications?limit=0&unread=maybe' })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort()
    ).toEqual(['querystring.limit', 'querystring.unread'])
    const badCursor = await laowang.request({
      method: 'GET',
      url: `/api/v1/me/notifications?cursor=${'x'.repeat(300)}`
    })
    expect(badCursor.statusCode).toBe(400)
    for (const [method, url] of [
      ['GET', '/api/v1/me/notifications'],
      ['POST', `/api/v1/me/notifications/${theirs}/read`],
      ['POST', '/api/v1/me/notifications/read-all']
    ] as const) {
      expect((await app.inject({ method, url })).statusCode).toBe(401)
    }
    // Staff accounts have an inbox too (empty for now).
    const staff = await signInStaff(app, 'donghu')
    expect(await inbox(staff)).toEqual({ items: [], nextCursor: null, unreadCount: 0 })
  })
})

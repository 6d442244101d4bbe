// Long on purpose: every rule of booking, cancelling and rescheduling against one seeded app.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  book,
  catalog,
  createSlot,
  createVeterans,
  DONGHU,
  errorCode,
  eveningIn,
  linkFamily,
  slotSeen,
  XIJIANG,
  type Catalog
} from './booking-helpers'

// Booking as veterans and families use it: who may book, the refusals, seeing, cancelling, moving and rating.

let app: FastifyInstance
let laowang: Session
let xiaowang: Session
let zhangmin: Session
let donghu: Session
let city: Session
let cat: Catalog
let wangId: string

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, xiaowang, zhangmin, donghu] = await Promise.all([
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInWechat(app, 'zhangmin'),
    signInStaff(app, 'donghu')
  ])
  city = await signInStaff(app, 'city')
  cat = await catalog(laowang)
  wangId = (await laowang.request({ method: 'GET', url: '/api/v1/me' })).json().veteran.id
})
afterAll(() => app.close())

// From a day ahead on, each slot gets its own evening half hour (see eveningIn): the demo veteran books many of
// them, and a veteran's bookings must not overlap.
const slotAt = (service: string, startsInMinutes: number, capacity = 3, center = DONGHU) =>
  createSlot(city, {
    centerId: cat.center(center),
    serviceId: cat.service(service),
    startsInMinutes: startsInMinutes >= 24 * 60 ? eveningIn(Math.floor(startsInMinutes / (24 * 60))) : startsInMinutes,
    capacity
  })

describe('the demo veteran', () => {
  it('sees bookings in every state, including one his daughter made for him', async () => {
    const items = (await laowang.request({ method: 'GET', url: '/api/v1/bookings' })).json().items as {
      status: string
      bookedByUserId: string
      serviceName: string
      rating: unknown
    }[]
    expect(items.map((b) => b.status).sort()).toEqual(['booked', 'booked', 'cancelled', 'completed'])
    expect(items.find((b) => b.status === 'completed')).toMatchObject({ serviceName: '优待证申领', rating: null })
    const me = (await xiaowang.request({ method: 'GET', url: '/api/v1/me' })).json()
    expect(items.filter((b) => b.bookedByUserId === me.id)).toHaveLength(1)
    const upcoming = (await laowang.request({ method: 'GET', url: '/api/v1/bookings?when=upcoming' })).json().items as {
      startsAt: string
      status: string
    }[]
    expect(upcoming.map((b) => b.status)).toEqual(['booked', 'booked'])
    expect(upcoming[0]!.startsAt < upcoming[1]!.startsAt).toBe(true)
    const completed = (await laowang.request({ method: 'GET', url: '/api/v1/bookings?status=completed' })).json().items
    expect(completed).toHaveLength(1)
  })
})

describe('POST /bookings: who may book', () => {
  it('a veteran books for himself and gets the booking with a check-in code', async () => {
    const slot = await slotAt('employment', 3 * 24 * 60)
    const response = await book(laowang, { slotId: slot.id, note: '  带上简历  ' })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({
      slotId: slot.id,
      centerName: DONGHU,
      centerPhone: '0399-2612300',
      serviceName: '就业创业指导',
      status: 'booked',
      veteranId: wangId,
      veteranNameMasked: '王*国',
      note: '带上简历',
      startsAt: slot.startsAt,
      cancellableUntil: new Date(Date.parse(slot.startsAt) - 120 * 60_000).toISOString(),
      rating: null
    })
    expect(response.json().checkInCode).toMatch(/^[2-9A-Z]{6}$/)
  })

  it('a family member books for the linked veteran; the veteran sees it and is told', async () => {
    const slot = await slotAt('records', 3 * 24 * 60)
    const response = await book(xiaowang, { slotId: slot.id, veteranId: wangId })
    expect(response.statusCode, response.body).toBe(201)
    const id = response.json().id
    expect((await laowang.request({ method: 'GET', url: `/api/v1/bookings/${id}` })).statusCode).toBe(200)
    expect((await xiaowang.request({ method: 'GET', url: `/api/v1/bookings/${id}` })).json().veteranNameMasked).toBe(
      '王*国'
    )
    const told = (await laowang.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items
    expect(
      told.find(
        (n: { kind: string; data: { bookingId: string } }) =>
          n.kind === 'booking.booked_for_you' && n.data.bookingId === id
      )?.body
    ).toContain('王小梅')
    // The family member sees the bookings they made, not the ones the veteran made himself (404 for those).
    const theirs = (await xiaowang.request({ method: 'GET', url: '/api/v1/bookings' })).json().items
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.every((b: { bookedByUserId: string }) => b.bookedByUserId === response.json().bookedByUserId)).toBe(
      true
    )
    const hisOwn = (await laowang.request({ method: 'GET', url: '/api/v1/bookings' }))
      .json()
      .items.find((b: { bookedByUserId: string }) => b.bookedByUserId === laowang.user.id)
    expect((await xiaowang.request({ method: 'GET', url: `/api/v1/bookings/${hisOwn.id}` })).statusCode).toBe(404)
  })

  it('refuses an unbound resident, a family member naming a veteran they are not linked to, and a family member naming nobody', async () => {
    const slot = await slotAt('records', 4 * 24 * 60)
    const resident = await book(zhangmin, { slotId: slot.id })
    expect(resident.statusCode).toBe(403)
    expect(errorCode(resident)).toBe('NOT_ELIGIBLE')
    const residentFor = await book(zhangmin, { slotId: slot.id, veteranId: wangId })
    expect(errorCode(residentFor)).toBe('NOT_ELIGIBLE')
    const admin = await signInStaff(app, 'admin')
    const [stranger] = await createVeterans(app, admin, 'elig', 1)
    const notLinked = await book(xiaowang, { slotId: slot.id, veteranId: stranger!.veteranId })
    expect(notLinked.statusCode).toBe(403)
    expect(errorCode(notLinked)).toBe('NOT_ELIGIBLE')
    expect(notLinked.json().error.message).toContain('邀请')
    const nobody = await book(xiaowang, { slotId: slot.id })
    expect(nobody.statusCode).toBe(400)
    expect(nobody.json().error.details.fields[0].path).toBe('body.veteranId')
    const staff = await book(donghu, { slotId: slot.id })
    expect(staff.statusCode).toBe(403)
    expect(errorCode(staff)).toBe('FORBIDDEN')
    expect((await slotSeen(laowang, slot.id)).remaining).toBe(3)
  })

  it('a family link removed by the veteran ends the right to book for him', async () => {
    const admin = await signInStaff(app, 'admin')
    const [veteran] = await createVeterans(app, admin, 'unlink', 1)
    const family = await linkFamily(app, veteran!, 'unlink-family')
    const slot = await slotAt('records', 5 * 24 * 60)
    expect((await book(family, { slotId: slot.id, veteranId: veteran!.veteranId })).statusCode).toBe(201)
    const links = (await veteran!.request({ method: 'GET', url: '/api/v1/me/family' })).json().items
    expect((await veteran!.request({ method: 'DELETE', url: `/api/v1/me/family/${links[0].linkId}` })).statusCode).toBe(
      204
    )
    const other = await slotAt('education', 5 * 24 * 60)
    expect(errorCode(await book(family, { slotId: other.id, veteranId: veteran!.veteranId }))).toBe('NOT_ELIGIBLE')
  })
})

describe('POST /bookings: refusals', () => {
  it('SLOT_FULL, ALREADY_BOOKED in any slot of the service, SLOT_NOT_BOOKABLE for closed or started slots, 404 for none', async () => {
    const admin = await signInStaff(app, 'admin')
    const [a, b] = await createVeterans(app, admin, 'refuse', 2)
    const one = await slotAt('legal_aid', 3 * 24 * 60, 1)
    expect((await book(a!, { slotId: one.id })).statusCode).toBe(201)
    const full = await book(b!, { slotId: one.id })
    expect(full.statusCode).toBe(409)
    expect(errorCode(full)).toBe('SLOT_FULL')
    expect(full.json().error.message).toContain('候补')

    const another = await slotAt('legal_aid', 4 * 24 * 60, 3, XIJIANG)
    const twice = await book(a!, { slotId: another.id })
    expect(twice.statusCode).toBe(409)
    expect(errorCode(twice)).toBe('ALREADY_BOOKED')

    const closed = await slotAt('legal_aid', 5 * 24 * 60)
    await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${closed.id}`,
      payload: { status: 'closed', reason: '停电' }
    })
    const refused = await book(b!, { slotId: closed.id })
    expect(refused.statusCode).toBe(422)
    expect(errorCode(refused)).toBe('SLOT_NOT_BOOKABLE')

    const soon = await slotAt('legal_aid', 10)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(soon.startsAt) + 1000 })
    try {
      expect(errorCode(await book(b!, { slotId: soon.id }))).toBe('SLOT_NOT_BOOKABLE')
    } finally {
      vi.useRealTimers()
    }

    const none = await book(b!, { slotId: 'NO-SUCH-SLOT' })
    expect(none.statusCode).toBe(404)
    expect((await slotSeen(a!, another.id)).remaining).toBe(3)
  })
})

describe('GET /bookings and GET /bookings/:id', () => {
  it("pages with a cursor and hides other people's bookings (404)", async () => {
    const admin = await signInStaff(app, 'admin')
    const [pager, other] = await createVeterans(app, admin, 'page', 2)
    for (const service of ['employment', 'records', 'education']) {
      const slot = await slotAt(service, 6 * 24 * 60 + Math.random() * 100)
      expect((await book(pager!, { slotId: slot.id })).statusCode).toBe(201)
    }
    const first = (await pager!.request({ method: 'GET', url: '/api/v1/bookings?limit=2' })).json()
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = (
      await pager!.request({ method: 'GET', url: `/api/v1/bookings?limit=2&cursor=${first.nextCursor}` })
    ).json()
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    const ids = [...first.items, ...second.items].map((b: { id: string }) => b.id)
    expect(new Set(ids).size).toBe(3)
    expect((await other!.request({ method: 'GET', url: `/api/v1/bookings/${ids[0]}` })).statusCode).toBe(404)
    expect((await other!.request({ method: 'GET', url: '/api/v1/bookings' })).json().items).toEqual([])
    expect((await zhangmin.request({ method: 'GET', url: '/api/v1/bookings' })).json().items).toEqual([])
    const bad = await pager!.request({ method: 'GET', url: '/api/v1/bookings?cursor=bm9ub3NlbnNl' })
    expect(bad.statusCode).toBe(400)
  })
})

describe('POST /bookings/:id/cancel', () => {
  it('frees the place at once; a second cancel returns the same booking', async () => {
    const slot = await slotAt('hardship_aid', 3 * 24 * 60, 2)
    const booking = (await book(laowang, { slotId: slot.id })).json()
    const cancelled = await laowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/cancel`,
      payload: { reason: '身体不适' }
    })
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '身体不适', cancelledBy: 'person' })
    expect((await slotSeen(laowang, slot.id)).remaining).toBe(2)
    const again = await laowang.request({ method: 'POST', url: `/api/v1/bookings/${booking.id}/cancel` })
    expect(again.json()).toMatchObject({ status: 'cancelled', cancelReason: '身体不适' })
    // A cancelled booking does not count: he can book the service again.
    expect((await book(laowang, { slotId: slot.id })).statusCode).toBe(201)
  })

  it("inside the cut-off it is refused with the center's phone number", async () => {
    const slot = await slotAt('education', 90, 2, XIJIANG)
    const booking = (await book(laowang, { slotId: slot.id })).json()
    const refused = await laowang.request({ method: 'POST', url: `/api/v1/bookings/${booking.id}/cancel`, payload: {} })
    expect(refused.statusCode).toBe(409)
    expect(errorCode(refused)).toBe('CANCEL_WINDOW_CLOSED')
    expect(refused.json().error.details).toMatchObject({
      centerPhone: '0399-2623400',
      centerName: XIJIANG,
      cutoffMinutes: 120
    })
    expect(refused.json().error.message).toContain('0399-2623400')
    expect((await slotSeen(laowang, slot.id)).remaining).toBe(1)
  })

  it('the family member cancels what they booked for the veteran, who is told; others get 404', async () => {
    const slot = await slotAt('entrepreneurship', 3 * 24 * 60)
    const booking = (await book(xiaowang, { slotId: slot.id, veteranId: wangId })).json()
    expect(
      (await zhangmin.request({ method: 'POST', url: `/api/v1/bookings/${booking.id}/cancel`, payload: {} })).statusCode
    ).toBe(404)
    // The veteran's own bookings are his: a family member cannot cancel them.
    const hisOwn = (await laowang.request({ method: 'GET', url: '/api/v1/bookings?status=booked' }))
      .json()
      .items.find((b: { bookedByUserId: string }) => b.bookedByUserId === laowang.user.id)
    expect(hisOwn).toBeDefined()
    expect(
      (await xiaowang.request({ method: 'POST', url: `/api/v1/bookings/${hisOwn.id}/cancel`, payload: {} })).statusCode
    ).toBe(404)
    const cancelled = await xiaowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/cancel`,
      payload: {}
    })
    expect(cancelled.json().status).toBe('cancelled')
    const told = (await laowang.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items
    expect(
      told.find(
        (n: { kind: string; data: { bookingId: string } }) =>
          n.kind === 'booking.cancelled' && n.data.bookingId === booking.id
      )?.body
    ).toContain('王小梅')
  })
})

describe('POST /bookings/:id/reschedule', () => {
  it('moves the booking to another slot of the same service, keeping id and code, and frees the old place', async () => {
    const from = await slotAt('counselling', 3 * 24 * 60, 2)
    const to = await slotAt('counselling', 4 * 24 * 60, 2, XIJIANG)
    const booking = (await book(xiaowang, { slotId: from.id, veteranId: wangId })).json()
    const moved = await xiaowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/reschedule`,
      payload: { slotId: to.id }
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({
      id: booking.id,
      slotId: to.id,
      centerName: XIJIANG,
      startsAt: to.startsAt,
      checkInCode: booking.checkInCode,
      status: 'booked'
    })
    expect((await slotSeen(laowang, from.id)).remaining).toBe(2)
    expect((await slotSeen(laowang, to.id)).remaining).toBe(1)
    const retry = await xiaowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/reschedule`,
      payload: { slotId: to.id }
    })
    expect(retry.json()).toEqual(moved.json())
    expect((await slotSeen(laowang, to.id)).remaining).toBe(1)
  })

  it('on any refusal the old booking is untouched', async () => {
    const admin = await signInStaff(app, 'admin')
    const [veteran, filler] = await createVeterans(app, admin, 'resched', 2)
    const from = await slotAt('employment', 3 * 24 * 60, 2)
    const full = await slotAt('employment', 4 * 24 * 60, 1)
    const closed = await slotAt('employment', 5 * 24 * 60, 2)
    const otherService = await slotAt('records', 5 * 24 * 60, 2)
    await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${closed.id}`,
      payload: { status: 'closed', reason: '设备检修' }
    })
    expect((await book(filler!, { slotId: full.id })).statusCode).toBe(201)
    const booking = (await book(veteran!, { slotId: from.id })).json()
    const attempts = [
      [full.id, 409, 'SLOT_FULL'],
      [closed.id, 422, 'SLOT_NOT_BOOKABLE'],
      [otherService.id, 400, 'VALIDATION_FAILED'],
      ['NO-SUCH-SLOT', 404, 'NOT_FOUND']
    ] as const
    for (const [slotId, status, code] of attempts) {
      const response = await veteran!.request({
        method: 'POST',
        url: `/api/v1/bookings/${booking.id}/reschedule`,
        payload: { slotId }
      })
      expect(response.statusCode).toBe(status)
      expect(errorCode(response)).toBe(code)
    }
    expect((await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}` })).json()).toEqual(booking)
    expect((await slotSeen(veteran!, from.id)).remaining).toBe(1)
    expect((await slotSeen(veteran!, full.id)).remaining).toBe(0)
    expect((await slotSeen(veteran!, otherService.id)).remaining).toBe(2)

    const late = await slotAt('education', 60, 2)
    const lateBooking = (await book(veteran!, { slotId: late.id })).json()
    const later = await slotAt('education', 3 * 24 * 60, 2)
    const inCutoff = await veteran!.request({
      method: 'POST',
      url: `/api/v1/bookings/${lateBooking.id}/reschedule`,
      payload: { slotId: later.id }
    })
    expect(errorCode(inCutoff)).toBe('CANCEL_WINDOW_CLOSED')
    expect((await slotSeen(veteran!, later.id)).remaining).toBe(2)
  })
})

describe('POST /bookings/:id/rating', () => {
  it('rates a completed visit once; anything else is NOT_RATEABLE', async () => {
    const completed = (await laowang.request({ method: 'GET', url: '/api/v1/bookings?status=completed' })).json()
      .items[0]
    const upcoming = (await laowang.request({ method: 'GET', url: '/api/v1/bookings?status=booked' })).json().items[0]
    const early = await laowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${upcoming.id}/rating`,
      payload: { score: 5 }
    })
    expect(early.statusCode).toBe(409)
    expect(errorCode(early)).toBe('NOT_RATEABLE')
    const rated = await laowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${completed.id}/rating`,
      payload: { score: 4, comment: '工作人员很耐心' }
    })
    expect(rated.statusCode).toBe(201)
    expect(rated.json()).toMatchObject({ bookingId: completed.id, score: 4, comment: '工作人员很耐心' })
    const twice = await laowang.request({
      method: 'POST',
      url: `/api/v1/bookings/${completed.id}/rating`,
      payload: { score: 1 }
    })
    expect(errorCode(twice)).toBe('NOT_RATEABLE')
    expect(
      (await laowang.request({ method: 'GET', url: `/api/v1/bookings/${completed.id}` })).json().rating
    ).toMatchObject({ score: 4, comment: '工作人员很耐心' })
    expect(
      (
        await zhangmin.request({
          method: 'POST',
          url: `/api/v1/bookings/${completed.id}/rating`,
          payload: { score: 1 }
        })
      ).statusCode
    ).toBe(404)
  })

  it('concurrent ratings of one visit record exactly one', async () => {
    const slot = await slotAt('preferential_card', 30, 2)
    const booking = (await book(xiaowang, { slotId: slot.id, veteranId: wangId })).json()
    expect(
      (await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/complete` })).statusCode
    ).toBe(200)
    const responses = await Promise.all(
      [laowang, xiaowang, laowang, xiaowang].map((s, i) =>
        s.request({ method: 'POST', url: `/api/v1/bookings/${booking.id}/rating`, payload: { score: i + 1 } })
      )
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409])
  })
})

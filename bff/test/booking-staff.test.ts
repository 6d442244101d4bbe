import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  book,
  catalog,
  createSlot,
  DONGHU,
  errorCode,
  eveningIn,
  JIEFANG,
  slotSeen,
  XIJIANG,
  type Catalog
} from './booking-helpers'

// The staff day board: masked names, own center only, check-in, complete and no-show, each audited.

let app: FastifyInstance
let laowang: Session
let xiaowang: Session
let donghu: Session
let xijiang: Session
let admin: Session
let cat: Catalog
let wangId: string

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, xiaowang, donghu, xijiang, admin] = await Promise.all([
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'admin')
  ])
  cat = await catalog(laowang)
  wangId = (await laowang.request({ method: 'GET', url: '/api/v1/me' })).json().veteran.id
})
afterAll(() => app.close())
afterEach(() => {
  vi.useRealTimers()
})

const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

async function bookedSlot(service: string, startsInMinutes: number, durationMinutes = 30) {
  const slot = await createSlot(donghu, {
    centerId: cat.center(DONGHU),
    serviceId: cat.service(service),
    startsInMinutes,
    durationMinutes,
    capacity: 2
  })
  const booking = await book(laowang, { slotId: slot.id })
  expect(booking.statusCode, booking.body).toBe(201)
  return { slot, booking: booking.json<{ id: string; checkInCode: string; startsAt: string }>() }
}

async function auditActions(entityId: string) {
  const items = (await admin.request({ method: 'GET', url: '/api/v1/admin/audit?limit=100' })).json().items as {
    action: string
    entityId: string
    actorId: string
  }[]
  return items.filter((e) => e.entityId === entityId).map((e) => e.action)
}

describe('GET /staff/bookings (day board)', () => {
  it("lists the center's bookings of the day by time with masked names; other centers are 403, city staff see them", async () => {
    const { slot, booking } = await bookedSlot('employment', eveningIn(2))
    const board = await donghu.request({ method: 'GET', url: `/api/v1/staff/bookings?date=${dayOf(slot.startsAt)}` })
    expect(board.statusCode).toBe(200)
    const items = board.json().items as { id: string; veteranNameMasked: string; centerId: string; startsAt: string }[]
    expect(items.find((b) => b.id === booking.id)).toMatchObject({
      veteranNameMasked: '王*国',
      centerId: cat.center(DONGHU)
    })
    expect(board.body).not.toContain('王建国')
    expect(items.every((b) => b.centerId === cat.center(DONGHU))).toBe(true)
    expect([...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))).toEqual(items)

    const foreign = await xijiang.request({
      method: 'GET',
      url: `/api/v1/staff/bookings?centerId=${cat.center(DONGHU)}&date=${dayOf(slot.startsAt)}`
    })
    expect(foreign.statusCode).toBe(403)
    const own = (
      await xijiang.request({ method: 'GET', url: `/api/v1/staff/bookings?date=${dayOf(slot.startsAt)}` })
    ).json().items
    expect(own.some((b: { id: string }) => b.id === booking.id)).toBe(false)
    const city = await signInStaff(app, 'city')
    const seen = (
      await city.request({
        method: 'GET',
        url: `/api/v1/staff/bookings?centerId=${cat.center(DONGHU)}&date=${dayOf(slot.startsAt)}`
      })
    ).json().items
    expect(seen.some((b: { id: string }) => b.id === booking.id)).toBe(true)
    const filtered = (
      await donghu.request({
        method: 'GET',
        url: `/api/v1/staff/bookings?date=${dayOf(slot.startsAt)}&status=cancelled`
      })
    ).json().items
    expect(filtered.every((b: { status: string }) => b.status === 'cancelled')).toBe(true)
  })
})

describe('check-in', () => {
  it('opens one hour before the start', async () => {
    const { booking } = await bookedSlot('records', 3 * 60)
    const early = await donghu.request({
      method: 'POST',
      url: `/api/v1/staff/bookings/${booking.id}/check-in`,
      payload: {}
    })
    expect(early.statusCode).toBe(409)
    expect(errorCode(early)).toBe('CHECK_IN_NOT_OPEN')
    expect(early.json().error.details.opensAt).toBe(new Date(Date.parse(booking.startsAt) - 3_600_000).toISOString())
  })

  it('checks the code when given, then checks in (audited); a repeat returns the booking unchanged', async () => {
    // [40, 55) minutes from now; the demo veteran's other near bookings here keep clear of it (TIME_CONFLICT).
    const { booking } = await bookedSlot('education', 40, 15)
    const wrong = await donghu.request({
      method: 'POST',
      url: `/api/v1/staff/bookings/${booking.id}/check-in`,
      payload: { checkInCode: 'WRONG1' }
    })
    expect(wrong.statusCode).toBe(422)
    expect(errorCode(wrong)).toBe('CHECK_IN_CODE_INVALID')
    const ok = await donghu.request({
      method: 'POST',
      url: `/api/v1/staff/bookings/${booking.id}/check-in`,
      payload: { checkInCode: booking.checkInCode.toLowerCase() }
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ id: booking.id, status: 'checked_in', veteranNameMasked: '王*国' })
    const repeat = await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/check-in` })
    expect(repeat.json()).toEqual(ok.json())
    expect(await auditActions(booking.id)).toEqual(['booking.check_in'])
    // Checked in: the veteran can no longer cancel online.
    const cancel = await laowang.request({ method: 'POST', url: `/api/v1/bookings/${booking.id}/cancel`, payload: {} })
    expect(cancel.statusCode).toBe(409)
  })
})

describe('complete and no-show', () => {
  it('complete moves a checked-in visit to completed, audited, and invites the people to rate it', async () => {
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('hardship_aid'),
      startsInMinutes: 20,
      durationMinutes: 15,
      capacity: 2
    })
    const booking = (await book(xiaowang, { slotId: slot.id, veteranId: wangId })).json()
    expect(
      (await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/check-in` })).statusCode
    ).toBe(200)
    const done = await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/complete` })
    expect(done.json().status).toBe('completed')
    expect((await auditActions(booking.id)).sort()).toEqual(['booking.check_in', 'booking.complete'])
    for (const person of [laowang, xiaowang]) {
      const told = (await person.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items
      expect(
        told.filter(
          (n: { kind: string; data: { bookingId: string } }) =>
            n.kind === 'booking.completed' && n.data.bookingId === booking.id
        )
      ).toHaveLength(1)
    }
    // A completed visit holds its place and does not block booking the service again.
    expect((await slotSeen(laowang, slot.id)).remaining).toBe(1)
    const next = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('hardship_aid'),
      startsInMinutes: eveningIn(3),
      capacity: 2
    })
    expect((await book(laowang, { slotId: next.id })).statusCode).toBe(201)
  })

  it('no-show only after the slot has ended; it keeps the place taken and frees nothing for the waitlist', async () => {
    const { slot, booking } = await bookedSlot('counselling', 3, 2)
    const early = await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/no-show` })
    expect(early.statusCode).toBe(409)
    expect(errorCode(early)).toBe('SLOT_NOT_ENDED')

    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(slot.endsAt) + 60_000 })
    const late = await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/no-show` })
    expect(late.statusCode, late.body).toBe(200)
    expect(late.json().status).toBe('no_show')
    expect(await auditActions(booking.id)).toEqual(['booking.no_show'])
    expect((await slotSeen(laowang, slot.id)).remaining).toBe(1)
    const complete = await donghu.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/complete` })
    expect(complete.statusCode).toBe(409)
    expect(errorCode(complete)).toBe('INVALID_STATE')
    // The ended booking no longer counts as active: the veteran may book the service again.
    const next = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('counselling'),
      startsInMinutes: eveningIn(2),
      capacity: 1
    })
    expect((await book(laowang, { slotId: next.id })).statusCode).toBe(201)
  })

  it('a booked visit whose slot ended without check-in stops blocking a new booking of the service', async () => {
    const { slot } = await bookedSlot('entrepreneurship', 3, 2)
    const next = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('entrepreneurship'),
      startsInMinutes: eveningIn(2),
      capacity: 1
    })
    expect(errorCode(await book(laowang, { slotId: next.id }))).toBe('ALREADY_BOOKED')
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(slot.endsAt) + 1000 })
    const again = await book(laowang, { slotId: next.id })
    expect(again.statusCode, again.body).toBe(201)
  })
})

describe('staff of another center', () => {
  it("get 404 on this center's bookings; city-level staff and admins may act", async () => {
    const { booking } = await bookedSlot('legal_aid', 25, 10)
    for (const action of ['check-in', 'complete', 'no-show']) {
      const response = await xijiang.request({
        method: 'POST',
        url: `/api/v1/staff/bookings/${booking.id}/${action}`,
        payload: {}
      })
      expect(response.statusCode).toBe(404)
      expect(errorCode(response)).toBe('NOT_FOUND')
    }
    const street = await signInStaff(app, 'donghu-jiefang')
    expect(
      (await street.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/check-in`, payload: {} }))
        .statusCode
    ).toBe(404)
    expect(
      (await street.request({ method: 'GET', url: `/api/v1/staff/bookings?centerId=${cat.center(JIEFANG)}` }))
        .statusCode
    ).toBe(200)
    const city = await signInStaff(app, 'city')
    expect(
      (await city.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/check-in`, payload: {} })).json()
        .status
    ).toBe('checked_in')
    expect(
      (await admin.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/complete` })).json().status
    ).toBe('completed')
    expect(
      (await xijiang.request({ method: 'GET', url: `/api/v1/staff/slots?centerId=${cat.center(XIJIANG)}` })).statusCode
    ).toBe(200)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  book,
  catalog,
  createSlot,
  createVeterans,
  DONGHU,
  errorCode,
  linkFamily,
  slotSeen,
  type Catalog
} from './booking-helpers'

// 候补: joining a full slot, positions, leaving, and promotion when a place frees (and only then).

let app: FastifyInstance
let donghu: Session
let admin: Session
let cat: Catalog
let people: Awaited<ReturnType<typeof createVeterans>>

beforeAll(async () => {
  app = await buildTestApp()
  ;[donghu, admin] = await Promise.all([signInStaff(app, 'donghu'), signInStaff(app, 'admin')])
  cat = await catalog(donghu)
  people = await createVeterans(app, admin, 'wait', 24)
})
afterAll(() => app.close())

let next = 0
const person = () => people[next++]!
const fullSlot = async (service: string, capacity = 1) => {
  const slot = await createSlot(donghu, {
    centerId: cat.center(DONGHU),
    serviceId: cat.service(service),
    startsInMinutes: 3 * 24 * 60,
    capacity
  })
  const holders = Array.from({ length: capacity }, person)
  const bookings = []
  for (const h of holders) bookings.push((await book(h, { slotId: slot.id })).json().id as string)
  return { slot, holders, bookings }
}
const join = (s: Session, payload: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/v1/waitlist', payload })
const mine = async (s: Session, slotId: string) =>
  (await s.request({ method: 'GET', url: '/api/v1/waitlist' }))
    .json()
    .items.find((e: { slotId: string }) => e.slotId === slotId)

describe('POST /waitlist', () => {
  it('joins a full slot with a position; refuses a slot with places, a second entry and someone already booked', async () => {
    const open = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      startsInMinutes: 3 * 24 * 60,
      capacity: 2
    })
    const notFull = await join(person(), { slotId: open.id })
    expect(notFull.statusCode).toBe(409)
    expect(errorCode(notFull)).toBe('SLOT_NOT_FULL')

    const { slot, holders } = await fullSlot('employment')
    const [a, b] = [person(), person()]
    const first = await join(a, { slotId: slot.id })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({
      slotId: slot.id,
      position: 1,
      status: 'waiting',
      centerName: DONGHU,
      serviceName: '就业创业指导'
    })
    expect((await join(b, { slotId: slot.id })).json().position).toBe(2)
    const twice = await join(a, { slotId: slot.id })
    expect(errorCode(twice)).toBe('WAITLIST_EXISTS')
    expect(twice.json().error.details.waitlistId).toBe(first.json().id)
    expect(errorCode(await join(holders[0]!, { slotId: slot.id }))).toBe('ALREADY_BOOKED')
    expect((await slotSeen(a, slot.id)).waiting).toBe(2)
  })

  it('follows the eligibility rules of booking', async () => {
    const { slot } = await fullSlot('records')
    const zhangmin = await signInWechat(app, 'zhangmin')
    expect(errorCode(await join(zhangmin, { slotId: slot.id }))).toBe('NOT_ELIGIBLE')
    const veteran = person()
    const family = await linkFamily(app, veteran, 'wait-family')
    const forHim = await join(family, { slotId: slot.id, veteranId: veteran.veteranId })
    expect(forHim.statusCode).toBe(201)
    // Both the family member and the veteran see the entry.
    expect((await mine(veteran, slot.id)).id).toBe(forHim.json().id)
    expect(errorCode(await join(family, { slotId: slot.id, veteranId: person().veteranId }))).toBe('NOT_ELIGIBLE')
    expect((await join(family, { slotId: 'NO-SUCH-SLOT', veteranId: veteran.veteranId })).statusCode).toBe(404)
  })
})

describe('DELETE /waitlist/:id', () => {
  it('leaves the queue and moves those behind up; others get 404', async () => {
    const { slot } = await fullSlot('education')
    const [a, b] = [person(), person()]
    const entryA = (await join(a, { slotId: slot.id })).json()
    await join(b, { slotId: slot.id })
    expect((await b.request({ method: 'DELETE', url: `/api/v1/waitlist/${entryA.id}` })).statusCode).toBe(404)
    expect((await a.request({ method: 'DELETE', url: `/api/v1/waitlist/${entryA.id}` })).statusCode).toBe(204)
    expect(await mine(a, slot.id)).toMatchObject({ status: 'cancelled', position: 0, endedReason: 'left' })
    expect(await mine(b, slot.id)).toMatchObject({ status: 'waiting', position: 1, endedReason: null })
    expect((await a.request({ method: 'DELETE', url: `/api/v1/waitlist/${entryA.id}` })).statusCode).toBe(204)
  })
})

describe('promotion', () => {
  it('a cancellation promotes the first in line, who is told; leaving afterwards is refused', async () => {
    const { slot, holders, bookings } = await fullSlot('hardship_aid')
    const [a, b] = [person(), person()]
    const entryA = (await join(a, { slotId: slot.id })).json()
    await join(b, { slotId: slot.id })
    expect(
      (await holders[0]!.request({ method: 'POST', url: `/api/v1/bookings/${bookings[0]}/cancel`, payload: {} }))
        .statusCode
    ).toBe(200)
    const promoted = await mine(a, slot.id)
    expect(promoted).toMatchObject({ status: 'promoted', position: 0, bookingId: expect.any(String) })
    expect((await a.request({ method: 'GET', url: `/api/v1/bookings/${promoted.bookingId}` })).json()).toMatchObject({
      status: 'booked',
      slotId: slot.id
    })
    const told = (await a.request({ method: 'GET', url: '/api/v1/me/notifications' })).json()
    expect(told.unreadCount).toBe(1)
    expect(told.items[0]).toMatchObject({
      kind: 'booking.promoted',
      read: false,
      data: { bookingId: promoted.bookingId }
    })
    expect((await mine(b, slot.id)).position).toBe(1)
    const leave = await a.request({ method: 'DELETE', url: `/api/v1/waitlist/${entryA.id}` })
    expect(leave.statusCode).toBe(409)
    expect(leave.json().error.details.bookingId).toBe(promoted.bookingId)
  })

  it('rescheduling away frees the place for the waitlist; a no-show does not', async () => {
    const { slot, holders, bookings } = await fullSlot('counselling')
    const waiting = person()
    await join(waiting, { slotId: slot.id })
    const elsewhere = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('counselling'),
      startsInMinutes: 4 * 24 * 60,
      capacity: 2
    })
    const moved = await holders[0]!.request({
      method: 'POST',
      url: `/api/v1/bookings/${bookings[0]}/reschedule`,
      payload: { slotId: elsewhere.id }
    })
    expect(moved.statusCode).toBe(200)
    expect((await mine(waiting, slot.id)).status).toBe('promoted')
    expect((await slotSeen(waiting, slot.id)).remaining).toBe(0)
  })

  it('a waiting veteran who books the service elsewhere leaves the queue; a family member whose link ended is skipped', async () => {
    const { slot, holders, bookings } = await fullSlot('entrepreneurship', 1)
    const selfBooker = person()
    const unlinkedVeteran = person()
    const family = await linkFamily(app, unlinkedVeteran, 'wait-family-2')
    const last = person()
    await join(selfBooker, { slotId: slot.id })
    await join(family, { slotId: slot.id, veteranId: unlinkedVeteran.veteranId })
    await join(last, { slotId: slot.id })
    const other = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('entrepreneurship'),
      startsInMinutes: 5 * 24 * 60,
      capacity: 3
    })
    expect((await book(selfBooker, { slotId: other.id })).statusCode).toBe(201)
    expect(await mine(selfBooker, slot.id)).toMatchObject({ status: 'cancelled', endedReason: 'booked' })
    const links = (await unlinkedVeteran.request({ method: 'GET', url: '/api/v1/me/family' })).json().items
    await unlinkedVeteran.request({ method: 'DELETE', url: `/api/v1/me/family/${links[0].linkId}` })

    await holders[0]!.request({ method: 'POST', url: `/api/v1/bookings/${bookings[0]}/cancel`, payload: {} })
    expect(await mine(family, slot.id)).toMatchObject({ status: 'skipped', position: 0 })
    expect(await mine(unlinkedVeteran, slot.id)).toMatchObject({ status: 'skipped' })
    expect(await mine(last, slot.id)).toMatchObject({ status: 'promoted' })
    const told = (await family.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items
    expect(told.map((n: { kind: string }) => n.kind)).toContain('booking.waitlist_skipped')
  })

  it('raising capacity by two promotes the first two, in order', async () => {
    const { slot } = await fullSlot('legal_aid')
    const queue = [person(), person(), person()]
    for (const q of queue) await join(q, { slotId: slot.id })
    await donghu.request({ method: 'PATCH', url: `/api/v1/staff/slots/${slot.id}`, payload: { capacity: 3 } })
    expect(await Promise.all(queue.map(async (q) => (await mine(q, slot.id)).status))).toEqual([
      'promoted',
      'promoted',
      'waiting'
    ])
  })
})

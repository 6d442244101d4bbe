import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { addDays, beijingDateOf, beijingInstant } from '@veterans/shared/rules'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import {
  book,
  catalog,
  createVeterans,
  DONGHU,
  errorCode,
  linkFamily,
  placesHeld,
  slotSeen,
  XIJIANG,
  type Catalog
} from './booking-helpers'
import { remindersOf, slotOn, toldOf } from './reminders-helpers'

// 改约 to another center of the same service: capacity, TIME_CONFLICT, the freed place going to the old slot's
// waitlist, who is told (with the new address) and the reminder, all moving with the booking.

let app: FastifyInstance
let now = Date.now()
let admin: Session
let city: Session
let donghu: Session
let xijiang: Session
let cat: Catalog

const HOUR = 3_600_000

beforeAll(async () => {
  app = await buildTestApp({ JOB_POLL_MS: '3600000' }, { clock: () => now })
  ;[admin, city, donghu, xijiang] = await Promise.all([
    signInStaff(app, 'admin'),
    signInStaff(app, 'city'),
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang')
  ])
  cat = await catalog(city)
})
afterAll(() => app.close())

async function bookOk(session: Session, slotId: string, extra: Record<string, unknown> = {}) {
  const response = await book(session, { slotId, ...extra })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string; slotId: string; checkInCode: string; startsAt: string }>()
}

function reschedule(session: Session, bookingId: string, slotId: string) {
  return session.request({ method: 'POST', url: `/api/v1/bookings/${bookingId}/reschedule`, payload: { slotId } })
}

async function withCapacity(slot: { id: string }, capacity: number) {
  const response = await city.request({ method: 'PATCH', url: `/api/v1/staff/slots/${slot.id}`, payload: { capacity } })
  expect(response.statusCode, response.body).toBe(200)
}

const centerOf = (name: string) => cat.centers.get(name)!

describe('POST /bookings/:id/reschedule to another center', () => {
  it('moves the booking there; the old place goes to its waitlist; everyone is told the new address', async () => {
    const [veteran, holder, waiter] = await createVeterans(app, admin, 'move-center', 3)
    const family = await linkFamily(app, veteran!, 'move-center-child')
    const from = await slotOn(city, cat, { daysAhead: 3, time: '10:00', service: 'counselling', center: DONGHU })
    const to = await slotOn(city, cat, { daysAhead: 4, time: '10:00', service: 'counselling', center: XIJIANG })
    await withCapacity(from, 2)
    const booking = await bookOk(family, from.id, { veteranId: veteran!.veteranId })
    await bookOk(holder!, from.id)
    const joined = await waiter!.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: from.id } })
    expect(joined.statusCode, joined.body).toBe(201)

    const moved = await reschedule(family, booking.id, to.id)
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({
      id: booking.id,
      slotId: to.id,
      centerId: cat.center(XIJIANG),
      centerName: XIJIANG,
      centerPhone: centerOf(XIJIANG).phone,
      startsAt: to.startsAt,
      checkInCode: booking.checkInCode,
      status: 'booked'
    })
    // The veteran sees it where it now is.
    const seen = await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}` })
    expect(seen.json()).toMatchObject({ centerName: XIJIANG, slotId: to.id })
    const address = seen.json<{ centerAddress: string }>().centerAddress

    // The freed place at 东湖 went to the waiting person in the same change; 西江 has one place fewer.
    const promoted = (await waiter!.request({ method: 'GET', url: '/api/v1/waitlist' })).json().items[0]
    expect(promoted).toMatchObject({ slotId: from.id, status: 'promoted' })
    expect((await slotSeen(waiter!, from.id)).remaining).toBe(0)
    expect((await slotSeen(waiter!, to.id)).remaining).toBe(4)

    // Each center's day board: the booking left 东湖 and arrived at 西江.
    const atDonghu = await placesHeld(donghu, { ...from, centerId: cat.center(DONGHU) })
    expect(atDonghu.map((b) => b.veteranId)).not.toContain(veteran!.veteranId)
    expect(atDonghu).toHaveLength(2)
    const atXijiang = await placesHeld(xijiang, { ...to, centerId: cat.center(XIJIANG) })
    expect(atXijiang.map((b) => b.veteranId)).toEqual([veteran!.veteranId])

    // The veteran hears who moved it and where to go now; the family member gets the confirmation with the address.
    const toVeteran = (await toldOf(veteran!, 'booking.rescheduled')).filter((n) => n.data.bookingId === booking.id)
    expect(toVeteran).toHaveLength(1)
    expect(toVeteran[0]!.body).toContain(XIJIANG)
    expect(toVeteran[0]!.body).toContain(`新地址：${address}`)
    const toFamily = (await toldOf(family, 'booking.rescheduled')).filter((n) => n.data.bookingId === booking.id)
    expect(toFamily).toHaveLength(1)
    expect(toFamily[0]!.body).toContain(`地址：${address}`)
    expect(toFamily[0]!.body).toContain('请按新的时间和地点到场')
  })

  it('a move within one center says nothing of a new address', async () => {
    const [veteran] = await createVeterans(app, admin, 'move-same', 1)
    const from = await slotOn(city, cat, { daysAhead: 3, time: '11:00', service: 'records', center: DONGHU })
    const to = await slotOn(city, cat, { daysAhead: 5, time: '11:00', service: 'records', center: DONGHU })
    const booking = await bookOk(veteran!, from.id)
    expect((await reschedule(veteran!, booking.id, to.id)).statusCode).toBe(200)
    const told = (await toldOf(veteran!, 'booking.rescheduled')).filter((n) => n.data.bookingId === booking.id)
    expect(told).toHaveLength(1)
    expect(told[0]!.body).not.toContain('地址')
    expect(told[0]!.body).toContain('请按新的时间到场')
  })

  it('refuses a slot at another center overlapping another of his bookings (TIME_CONFLICT); the booking stays', async () => {
    const [veteran] = await createVeterans(app, admin, 'move-clash', 1)
    const held = await slotOn(city, cat, { daysAhead: 6, time: '14:00', service: 'employment', center: XIJIANG })
    const from = await slotOn(city, cat, { daysAhead: 3, time: '14:00', service: 'records', center: DONGHU })
    const heldBooking = await bookOk(veteran!, held.id)
    const booking = await bookOk(veteran!, from.id)
    // A 档案查询 slot at 西江 starting at the same moment as his 就业创业指导 there.
    const clash = await city.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: {
        centerId: cat.center(XIJIANG),
        serviceId: cat.service('records'),
        startsAt: held.startsAt,
        endsAt: new Date(Date.parse(held.startsAt) + 20 * 60_000).toISOString(),
        capacity: 3
      }
    })
    expect(clash.statusCode, clash.body).toBe(201)
    const refused = await reschedule(veteran!, booking.id, clash.json<{ id: string }>().id)
    expect(refused.statusCode).toBe(409)
    expect(errorCode(refused)).toBe('TIME_CONFLICT')
    expect(refused.json().error.details.bookingId).toBe(heldBooking.id)
    const unchanged = await veteran!.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}` })
    expect(unchanged.json()).toMatchObject({ slotId: from.id, centerName: DONGHU })
    expect((await slotSeen(veteran!, clash.json<{ id: string }>().id)).remaining).toBe(3)
  })

  it('refuses a slot of another service at another center (400, details.fields)', async () => {
    const [veteran] = await createVeterans(app, admin, 'move-service', 1)
    const from = await slotOn(city, cat, { daysAhead: 3, time: '15:00', service: 'records', center: DONGHU })
    const other = await slotOn(city, cat, { daysAhead: 4, time: '15:00', service: 'employment', center: XIJIANG })
    const booking = await bookOk(veteran!, from.id)
    const refused = await reschedule(veteran!, booking.id, other.id)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'body.slotId' }] }
    })
  })

  it('someone else’s booking: 404; staff: 403', async () => {
    const [veteran, stranger] = await createVeterans(app, admin, 'move-other', 2)
    const from = await slotOn(city, cat, { daysAhead: 3, time: '16:00', service: 'records', center: DONGHU })
    const to = await slotOn(city, cat, { daysAhead: 4, time: '16:00', service: 'records', center: XIJIANG })
    const booking = await bookOk(veteran!, from.id)
    expect((await reschedule(stranger!, booking.id, to.id)).statusCode).toBe(404)
    expect((await reschedule(xijiang, booking.id, to.id)).statusCode).toBe(403)
    expect((await slotSeen(veteran!, to.id)).remaining).toBe(5)
  })

  it('many moves at once into one slot of another center never exceed its capacity', async () => {
    const people = await createVeterans(app, admin, 'move-race', 8)
    const from = await slotOn(city, cat, { daysAhead: 3, time: '09:00', service: 'counselling', center: DONGHU })
    const to = await slotOn(city, cat, { daysAhead: 5, time: '09:00', service: 'counselling', center: XIJIANG })
    await withCapacity(from, 8)
    await withCapacity(to, 3)
    const bookings = await Promise.all(people.map((p) => bookOk(p, from.id)))
    const answers = await Promise.all(people.map((p, i) => reschedule(p, bookings[i]!.id, to.id)))
    const codes = answers.map((r) => (r.statusCode === 200 ? 'OK' : errorCode(r)))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3)
    expect(codes.filter((c) => c === 'SLOT_FULL')).toHaveLength(5)
    expect((await slotSeen(people[0]!, to.id)).remaining).toBe(0)
    expect((await slotSeen(people[0]!, from.id)).remaining).toBe(3)
    expect(await placesHeld(xijiang, { ...to, centerId: cat.center(XIJIANG) })).toHaveLength(3)
    expect(await placesHeld(donghu, { ...from, centerId: cat.center(DONGHU) })).toHaveLength(5)
  })

  it('the reminder moves with the booking: sent once, for the new time and center', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'move-remind', 1)
    const from = await slotOn(city, cat, { daysAhead: 3, time: '15:00', service: 'records', center: DONGHU })
    const to = await slotOn(city, cat, { daysAhead: 6, time: '15:00', service: 'records', center: XIJIANG })
    const booking = await bookOk(veteran!, from.id)
    expect((await reschedule(veteran!, booking.id, to.id)).statusCode).toBe(200)

    now = Date.parse(from.startsAt) - 24 * HOUR + 60_000
    await app.jobs.runDue()
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
    // Afternoon visits are reminded at 18:00 Beijing time the day before.
    now = Date.parse(beijingInstant(addDays(beijingDateOf(to.startsAt), -1), '18:00'))
    await app.jobs.runDue()
    const reminders = await remindersOf(veteran!, booking.id)
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.body).toContain(XIJIANG)
    now = Date.now()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { addDays, beijingDateOf, beijingInstant } from '@veterans/shared/rules'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { book, catalog, createSlot, createVeterans, DONGHU, linkFamily, type Catalog } from './booking-helpers'
import { remindersOf, slotOn, toldOf } from './reminders-helpers'

// Reminders of visits: due jobs run by app.jobs.runDue() on a clock the test moves. Bookings are made at the real
// time; the clock starts there and only moves forward.

let app: FastifyInstance
let now = Date.now()
let admin: Session
let city: Session
let cat: Catalog

const HOUR = 3_600_000

beforeAll(async () => {
  app = await buildTestApp({ JOB_POLL_MS: '3600000' }, { clock: () => now })
  admin = await signInStaff(app, 'admin')
  city = await signInStaff(app, 'city')
  cat = await catalog(city)
})
afterAll(() => app.close())

/** Moves the app's clock to `at` and runs what is due. */
async function runAt(at: number | string) {
  now = typeof at === 'number' ? at : Date.parse(at)
  return app.jobs.runDue()
}

async function bookOk(session: Session, slotId: string, extra: Record<string, unknown> = {}) {
  const response = await book(session, { slotId, ...extra })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string; startsAt: string }>()
}

describe('when a reminder is due', () => {
  it('a morning visit: at 18:00 Beijing time the day before, not earlier', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-morning', 1)
    const slot = await slotOn(city, cat, { daysAhead: 3, time: '09:00', service: 'employment', center: DONGHU })
    const booking = await bookOk(veteran!, slot.id)
    const dueAt = Date.parse(beijingInstant(addDays(beijingDateOf(slot.startsAt), -1), '18:00'))

    await runAt(dueAt - 60_000)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
    await runAt(dueAt)
    const [reminder, ...more] = await remindersOf(veteran!, booking.id)
    expect(more).toHaveLength(0)
    // Plain and directive, with the time and the place.
    expect(reminder!.title).toBe('预约提醒：请按时到场')
    expect(reminder!.body).toContain(DONGHU)
    expect(reminder!.body).toMatch(/\d+月\d+日 09:\d\d/)
    expect(reminder!.body).toContain('请带好身份证')

    await runAt(dueAt + HOUR)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(1)
  })

  it('an afternoon visit: 24 hours before it starts', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-afternoon', 1)
    const slot = await slotOn(city, cat, { daysAhead: 3, time: '14:00', service: 'employment', center: DONGHU })
    const booking = await bookOk(veteran!, slot.id)
    const dueAt = Date.parse(slot.startsAt) - 24 * HOUR

    await runAt(dueAt - 60_000)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
    await runAt(dueAt)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(1)
  })

  it('booked after that moment but more than 2 hours ahead: at once', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-late', 1)
    const slot = await createSlot(city, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      startsInMinutes: 5 * 60,
      capacity: 2
    })
    const booking = await bookOk(veteran!, slot.id)
    await runAt(Date.now())
    const reminders = await remindersOf(veteran!, booking.id)
    expect(reminders).toHaveLength(1)
  })

  it('a visit under 2 hours away gets none', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-close', 1)
    const slot = await createSlot(city, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      startsInMinutes: 90,
      capacity: 2
    })
    const booking = await bookOk(veteran!, slot.id)
    await runAt(Date.parse(slot.startsAt) - 60_000)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
  })
})

describe('what changes a reminder', () => {
  it('a cancelled booking is not reminded of', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-cancel', 1)
    const slot = await slotOn(city, cat, { daysAhead: 4, time: '15:00', service: 'legal_aid', center: DONGHU })
    const booking = await bookOk(veteran!, slot.id)
    const cancelled = await veteran!.request({
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/cancel`,
      payload: {}
    })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    // The person who cancelled gets a confirmation.
    const confirmations = (await toldOf(veteran!, 'booking.cancelled')).filter((n) => n.data.bookingId === booking.id)
    expect(confirmations).toHaveLength(1)
    expect(confirmations[0]!.body).toContain('您已取消')

    await runAt(Date.parse(slot.startsAt) - 60 * 60_000)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
  })

  it('a rescheduled booking is reminded once, at the new time', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-move', 1)
    const first = await slotOn(city, cat, { daysAhead: 3, time: '15:00', service: 'records', center: DONGHU })
    const later = await slotOn(city, cat, { daysAhead: 6, time: '15:00', service: 'records', center: DONGHU })
    const booking = await bookOk(veteran!, first.id)
    const moved = await veteran!.request({
      method: 'POST',
      url: `/api/v1/bookings/${booking.id}/reschedule`,
      payload: { slotId: later.id }
    })
    expect(moved.statusCode, moved.body).toBe(200)

    await runAt(Date.parse(first.startsAt) - 24 * HOUR + 60_000)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
    await runAt(Date.parse(later.startsAt) - 24 * HOUR)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(1)
  })

  it('a booking of a slot staff closed is not reminded of', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-closed', 1)
    const slot = await slotOn(city, cat, { daysAhead: 4, time: '16:00', service: 'counselling', center: DONGHU })
    const booking = await bookOk(veteran!, slot.id)
    const closed = await city.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { status: 'closed', reason: '设备检修' }
    })
    expect(closed.statusCode, closed.body).toBe(200)
    expect((await toldOf(veteran!, 'booking.slot_closed')).some((n) => n.data.bookingId === booking.id)).toBe(true)
    await runAt(Date.parse(slot.startsAt) - 60 * 60_000)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(0)
  })
})

describe('who is told', () => {
  it('a family member books: each of them is confirmed once and reminded once', async () => {
    now = Date.now()
    const [veteran] = await createVeterans(app, admin, 'rem-family', 1)
    const family = await linkFamily(app, veteran!, 'rem-family-child')
    const slot = await slotOn(city, cat, { daysAhead: 3, time: '16:00', service: 'hardship_aid', center: DONGHU })
    const booking = await bookOk(family, slot.id, { veteranId: veteran!.veteranId })

    const forFamily = (await toldOf(family)).filter((n) => n.data.bookingId === booking.id)
    const forVeteran = (await toldOf(veteran!)).filter((n) => n.data.bookingId === booking.id)
    expect(forFamily.map((n) => n.kind)).toEqual(['booking.confirmed'])
    expect(forFamily[0]!.body).toMatch(/签到码 [A-Z0-9]{6}/)
    expect(forVeteran.map((n) => n.kind)).toEqual(['booking.booked_for_you'])

    await runAt(Date.parse(slot.startsAt) - 24 * HOUR)
    expect(await remindersOf(family, booking.id)).toHaveLength(1)
    expect(await remindersOf(veteran!, booking.id)).toHaveLength(1)
  })

  it('many runners at once send each reminder once', async () => {
    now = Date.now()
    const veterans = await createVeterans(app, admin, 'rem-race', 6)
    const slot = await slotOn(city, cat, { daysAhead: 5, time: '14:00', service: 'education', center: DONGHU })
    const bookings = await Promise.all(veterans.map((v) => bookOk(v, slot.id).catch(() => null)))
    now = Date.parse(slot.startsAt) - 24 * HOUR
    await Promise.all(Array.from({ length: 8 }, () => app.jobs.runDue()))
    for (const [i, veteran] of veterans.entries()) {
      const booking = bookings[i]
      if (!booking) continue
      expect(await remindersOf(veteran, booking.id)).toHaveLength(1)
    }
    expect(bookings.filter(Boolean).length).toBe(5)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { findSlotsOutOfStep } from '../src/modules/booking/slots-repo'
import {
  book,
  catalog,
  createVeterans,
  DONGHU,
  errorCode,
  linkFamily,
  slotSeen,
  XIJIANG,
  type Catalog
} from './booking-helpers'

// One person cannot be in two places at once: no two active bookings of a veteran at overlapping times, whatever
// the service or the center, when booking, moving a booking or promoting from the waitlist.

let app: FastifyInstance
let city: Session
let cat: Catalog
let people: Awaited<ReturnType<typeof createVeterans>>

beforeAll(async () => {
  app = await buildTestApp()
  let admin: Session
  ;[city, admin] = await Promise.all([signInStaff(app, 'city'), signInStaff(app, 'admin')])
  cat = await catalog(city)
  people = await createVeterans(app, admin, 'overlap', 16)
}, 60_000)
afterAll(() => app.close())

let next = 0
const person = () => people[next++]!

// Each test has its own day (three days ahead and on), at 17 seconds past the minute: no clash with the demo
// schedule or with another test's slots.
let dayOffset = 2
const newDay = () => {
  dayOffset += 1
  const base = new Date(Date.now() + dayOffset * 24 * 3_600_000)
  base.setUTCSeconds(17, 0)
  return base.getTime()
}

/** A slot at `startMinute` past the test's base instant, for `minutes`. */
async function slotAt(
  base: number,
  input: { service: string; center?: string; startMinute: number; minutes?: number; capacity?: number }
) {
  const startsAt = new Date(base + input.startMinute * 60_000)
  const endsAt = new Date(startsAt.getTime() + (input.minutes ?? 30) * 60_000)
  const response = await city.request({
    method: 'POST',
    url: '/api/v1/staff/slots',
    payload: {
      centerId: cat.center(input.center ?? DONGHU),
      serviceId: cat.service(input.service),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity: input.capacity ?? 3
    }
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string; startsAt: string; endsAt: string; centerId: string; capacity: number }>()
}

const bookingOf = async (s: Session, id: string) =>
  (await s.request({ method: 'GET', url: `/api/v1/bookings/${id}` })).json<{ slotId: string; status: string }>()

describe('POST /bookings: TIME_CONFLICT', () => {
  it('refuses another service at an overlapping time, at any center, naming the other booking; touching is fine', async () => {
    const base = newDay()
    const veteran = person()
    const first = await slotAt(base, { service: 'counselling', startMinute: 0 })
    const sameCenter = await slotAt(base, { service: 'employment', startMinute: 0 })
    const otherCenter = await slotAt(base, { service: 'records', center: XIJIANG, startMinute: 10, minutes: 20 })
    const after = await slotAt(base, { service: 'medical', startMinute: 30 })
    const held = await book(veteran, { slotId: first.id })
    expect(held.statusCode, held.body).toBe(201)

    for (const slot of [sameCenter, otherCenter]) {
      const refused = await book(veteran, { slotId: slot.id })
      expect(refused.statusCode, refused.body).toBe(409)
      expect(errorCode(refused)).toBe('TIME_CONFLICT')
      const { details, message } = refused.json().error
      expect(details.bookingId).toBe(held.json().id)
      expect(message).toContain('心理疏导')
      expect((await slotSeen(veteran, slot.id)).remaining).toBe(3)
    }
    // 09:30 starts when 09:00–09:30 ends: no overlap.
    expect((await book(veteran, { slotId: after.id })).statusCode).toBe(201)
    // Someone else is not affected by this veteran's bookings.
    expect((await book(person(), { slotId: sameCenter.id })).statusCode).toBe(201)
  })

  it('a booking that is cancelled no longer conflicts', async () => {
    const base = newDay()
    const veteran = person()
    const first = await slotAt(base, { service: 'education', startMinute: 0 })
    const second = await slotAt(base, { service: 'legal_aid', startMinute: 15 })
    const held = (await book(veteran, { slotId: first.id })).json()
    expect(errorCode(await book(veteran, { slotId: second.id }))).toBe('TIME_CONFLICT')
    await veteran.request({ method: 'POST', url: `/api/v1/bookings/${held.id}/cancel`, payload: {} })
    expect((await book(veteran, { slotId: second.id })).statusCode).toBe(201)
  })

  it('holds for a family member booking on the veteran’s behalf, without telling them about his own booking', async () => {
    const base = newDay()
    const veteran = person()
    const family = await linkFamily(app, veteran, 'overlap-family')
    const his = await slotAt(base, { service: 'counselling', startMinute: 0 })
    const theirs = await slotAt(base, { service: 'records', center: XIJIANG, startMinute: 0 })
    const hisOwn = (await book(veteran, { slotId: his.id })).json()
    const refused = await book(family, { slotId: theirs.id, veteranId: veteran.veteranId })
    expect(refused.statusCode, refused.body).toBe(409)
    expect(errorCode(refused)).toBe('TIME_CONFLICT')
    expect(refused.json().error.details.bookingId).toBe(hisOwn.id)
    // A family member does not see the veteran's own bookings (a counselling visit is his business).
    expect(refused.json().error.message).not.toContain('心理疏导')
    expect(refused.json().error.details.serviceName).toBeUndefined()

    // And the other way round: the veteran cannot book over what his family booked for him.
    const later = await slotAt(base, { service: 'employment', startMinute: 120 })
    const overLater = await slotAt(base, { service: 'medical', startMinute: 130 })
    const forHim = await book(family, { slotId: later.id, veteranId: veteran.veteranId })
    expect(forHim.statusCode, forHim.body).toBe(201)
    const his2 = await book(veteran, { slotId: overLater.id })
    expect(errorCode(his2)).toBe('TIME_CONFLICT')
    expect(his2.json().error.details.bookingId).toBe(forHim.json().id)
  })
})

describe('POST /bookings/:id/reschedule: TIME_CONFLICT', () => {
  it('refuses a move onto another booking’s time and leaves the booking untouched; it never conflicts with itself', async () => {
    const base = newDay()
    const veteran = person()
    const morning = await slotAt(base, { service: 'counselling', startMinute: 0 })
    const afternoon = await slotAt(base, { service: 'employment', startMinute: 300 })
    const employmentMorning = await slotAt(base, { service: 'employment', center: XIJIANG, startMinute: 20 })
    const counsellingSoonAfter = await slotAt(base, { service: 'counselling', center: XIJIANG, startMinute: 10 })
    const held = (await book(veteran, { slotId: morning.id })).json()
    const moving = (await book(veteran, { slotId: afternoon.id })).json()

    const refused = await veteran.request({
      method: 'POST',
      url: `/api/v1/bookings/${moving.id}/reschedule`,
      payload: { slotId: employmentMorning.id }
    })
    expect(refused.statusCode, refused.body).toBe(409)
    expect(errorCode(refused)).toBe('TIME_CONFLICT')
    expect(refused.json().error.details.bookingId).toBe(held.id)
    expect((await bookingOf(veteran, moving.id)).slotId).toBe(afternoon.id)
    expect((await slotSeen(veteran, employmentMorning.id)).remaining).toBe(3)
    expect((await slotSeen(veteran, afternoon.id)).remaining).toBe(2)

    // Moving the morning booking by ten minutes overlaps only itself.
    const moved = await veteran.request({
      method: 'POST',
      url: `/api/v1/bookings/${held.id}/reschedule`,
      payload: { slotId: counsellingSoonAfter.id }
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().slotId).toBe(counsellingSoonAfter.id)
  })
})

describe('waitlist promotion and TIME_CONFLICT', () => {
  it('skips (and tells) a waiting veteran who meanwhile holds an overlapping booking, and promotes the next', async () => {
    const base = newDay()
    const full = await slotAt(base, { service: 'hardship_aid', startMinute: 0, capacity: 1 })
    const [holder, busy, nextInLine] = [person(), person(), person()]
    const held = (await book(holder, { slotId: full.id })).json()
    const family = await linkFamily(app, busy, 'overlap-family-2')
    const entry = await family.request({
      method: 'POST',
      url: '/api/v1/waitlist',
      payload: { slotId: full.id, veteranId: busy.veteranId }
    })
    expect(entry.statusCode, entry.body).toBe(201)
    expect(
      (await nextInLine.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: full.id } })).statusCode
    ).toBe(201)
    // Meanwhile the waiting veteran books something else at an overlapping time.
    const elsewhere = await slotAt(base, { service: 'records', center: XIJIANG, startMinute: 15 })
    expect((await book(busy, { slotId: elsewhere.id })).statusCode).toBe(201)

    await holder.request({ method: 'POST', url: `/api/v1/bookings/${held.id}/cancel`, payload: {} })

    const entries = async (s: Session) =>
      (await s.request({ method: 'GET', url: '/api/v1/waitlist' }))
        .json()
        .items.find((e: { slotId: string }) => e.slotId === full.id)
    expect(await entries(family)).toMatchObject({ status: 'skipped', position: 0, endedReason: 'time_conflict' })
    expect(await entries(nextInLine)).toMatchObject({ status: 'promoted', bookingId: expect.any(String) })
    expect((await slotSeen(holder, full.id)).remaining).toBe(0)
    const told = (await family.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().items as {
      kind: string
      body: string
      data: { waitlistId?: string }
    }[]
    const skipped = told.find((n) => n.kind === 'booking.waitlist_skipped' && n.data.waitlistId === entry.json().id)
    expect(skipped?.body).toMatch(/时间.*冲突|同一时间/)
  })
})

describe('TIME_CONFLICT under concurrency', () => {
  it('one veteran booking two overlapping slots of different services 20 times at once gets exactly one booking', async () => {
    const base = newDay()
    const veteran = person()
    const a = await slotAt(base, { service: 'employment', startMinute: 0, capacity: 50 })
    const b = await slotAt(base, { service: 'entrepreneurship', center: XIJIANG, startMinute: 10, capacity: 50 })
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book(veteran, { slotId: (i % 2 === 0 ? a : b).id }))
    )
    const created = responses.filter((r) => r.statusCode === 201)
    expect(created).toHaveLength(1)
    const winner = created[0]!.json<{ id: string; slotId: string }>()
    responses.forEach((r, i) => {
      if (r.statusCode === 201) return
      expect(r.statusCode).toBe(409)
      // The slot of the winner's service: ALREADY_BOOKED; the other one: TIME_CONFLICT; both name the winner.
      const asked = i % 2 === 0 ? a : b
      expect(errorCode(r)).toBe(asked.id === winner.slotId ? 'ALREADY_BOOKED' : 'TIME_CONFLICT')
      expect(r.json().error.details.bookingId).toBe(winner.id)
    })
    const remaining = (await slotSeen(veteran, a.id)).remaining + (await slotSeen(veteran, b.id)).remaining
    expect(remaining).toBe(99)
    expect(await findSlotsOutOfStep(app.db)).toEqual([])
  })
})

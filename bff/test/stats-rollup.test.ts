import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { clientOf } from '../src/db/client'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { book, catalog, createSlot, createVeterans, DONGHU, eveningIn, XIJIANG, type Catalog } from './booking-helpers'

// The dashboard's daily roll-up of bookings (booking_day_totals, kept by triggers) must always equal a direct count
// of the bookings and ratings it sums up, for every center and for the city ('*'), whatever changed them and
// however many changes ran at once.

let app: FastifyInstance
let admin: Session
let donghu: Session
let cat: Catalog
let veterans: Awaited<ReturnType<typeof createVeterans>>

beforeAll(async () => {
  app = await buildTestApp()
  ;[admin, donghu] = await Promise.all([signInStaff(app, 'admin'), signInStaff(app, 'donghu')])
  cat = await catalog(admin)
  veterans = await createVeterans(app, admin, 'rollup', 24)
}, 120_000)
afterEach(() => vi.useRealTimers())
afterAll(() => app.close())

type Row = Record<string, string | number>

const ROLLUP = `SELECT center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3, rated_4,
    rated_5 FROM booking_day_totals
  WHERE bookings + completed + no_shows + rated_1 + rated_2 + rated_3 + rated_4 + rated_5 > 0
  ORDER BY center_id, day, service_id`

// The same figures counted from the bookings themselves, per center and for the whole city.
const DIRECT = `SELECT center_id, day, service_id, bookings, completed, no_shows, rated_1, rated_2, rated_3, rated_4,
    rated_5 FROM (
  SELECT CASE k.city WHEN 1 THEN '*' ELSE b.center_id END AS center_id, date(b.starts_at, '+8 hours') AS day,
         b.service_id, sum(b.status <> 'cancelled') AS bookings, sum(b.status = 'completed') AS completed,
         sum(b.status = 'no_show') AS no_shows, sum(coalesce(r.score = 1, 0)) AS rated_1,
         sum(coalesce(r.score = 2, 0)) AS rated_2, sum(coalesce(r.score = 3, 0)) AS rated_3,
         sum(coalesce(r.score = 4, 0)) AS rated_4, sum(coalesce(r.score = 5, 0)) AS rated_5
    FROM bookings b LEFT JOIN booking_ratings r ON r.booking_id = b.id JOIN (SELECT 0 AS city UNION ALL SELECT 1) k
   GROUP BY 1, 2, 3)
  WHERE bookings + completed + no_shows + rated_1 + rated_2 + rated_3 + rated_4 + rated_5 > 0
  ORDER BY center_id, day, service_id`

function expectRollupExact() {
  const sqlite = clientOf(app.db)
  const rollup = sqlite.prepare(ROLLUP).all() as Row[]
  expect(rollup.length).toBeGreaterThan(0)
  expect(rollup).toEqual(sqlite.prepare(DIRECT).all() as Row[])
}

const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
  session.request({ method: 'POST', url: `/api/v1${url}`, payload })

describe('booking_day_totals', () => {
  it('starts equal to a direct count of the demo bookings (the backfill and the seed)', () => {
    expectRollupExact()
  })

  it('stays equal through concurrent bookings, cancellations, reschedules, check-ins, completions and ratings', async () => {
    const later = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      startsInMinutes: eveningIn(3),
      capacity: 8
    })
    const elsewhere = await createSlot(admin, {
      centerId: cat.center(XIJIANG),
      serviceId: cat.service('employment'),
      startsInMinutes: eveningIn(5),
      capacity: 8
    })
    const soon = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('records'),
      // Ends within minutes: the staff session is still valid when the clock moves past its end.
      startsInMinutes: 3,
      durationMinutes: 2,
      capacity: 10
    })
    // 12 people for 8 places, and 12 more for 10: the refused ones must leave no trace.
    const laterBooked = await Promise.all(veterans.slice(0, 12).map((v) => book(v, { slotId: later.id })))
    const soonBooked = await Promise.all(veterans.slice(12).map((v) => book(v, { slotId: soon.id })))
    expect(laterBooked.filter((r) => r.statusCode === 201)).toHaveLength(8)
    expect(soonBooked.filter((r) => r.statusCode === 201)).toHaveLength(10)
    expectRollupExact()

    const held = laterBooked.flatMap((r, i) => (r.statusCode === 201 ? [{ who: veterans[i]!, id: r.json().id }] : []))
    // Cancel three, move three to another center on another day, and cancel one of the moved ones, all at once.
    const changes = await Promise.all([
      ...held.slice(0, 3).map(({ who, id }) => post(who, `/bookings/${id}/cancel`)),
      ...held.slice(3, 6).map(({ who, id }) => post(who, `/bookings/${id}/reschedule`, { slotId: elsewhere.id })),
      post(held[0]!.who, `/bookings/${held[0]!.id}/cancel`) // a repeat: already cancelled, nothing moves
    ])
    expect(changes.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200])
    expect((await post(held[3]!.who, `/bookings/${held[3]!.id}/cancel`)).statusCode).toBe(200)
    expectRollupExact()

    const visits = soonBooked.flatMap((r, i) =>
      r.statusCode === 201 ? [{ who: veterans[12 + i]!, id: r.json().id as string }] : []
    )
    const attended = visits.slice(0, 6)
    const checkedIn = await Promise.all(attended.map(({ id }) => post(donghu, `/staff/bookings/${id}/check-in`)))
    expect(checkedIn.map((r) => r.statusCode)).toEqual(attended.map(() => 200))
    const completed = await Promise.all(attended.map(({ id }) => post(donghu, `/staff/bookings/${id}/complete`)))
    expect(completed.map((r) => r.statusCode)).toEqual(attended.map(() => 200))
    expectRollupExact()

    // Each rates once, the first of them three times at once with different scores: one rating stands.
    const ratings = await Promise.all([
      ...attended.map(({ who, id }, i) => post(who, `/bookings/${id}/rating`, { score: 1 + (i % 5) })),
      post(attended[0]!.who, `/bookings/${attended[0]!.id}/rating`, { score: 5 }),
      post(attended[0]!.who, `/bookings/${attended[0]!.id}/rating`, { score: 3 })
    ])
    expect(ratings.filter((r) => r.statusCode === 201)).toHaveLength(attended.length)
    expectRollupExact()

    // After the slot has ended the rest did not come: marked missed, all at once.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(soon.endsAt) + 60_000 })
    const missed = await Promise.all(visits.slice(6).map(({ id }) => post(donghu, `/staff/bookings/${id}/no-show`)))
    expect(missed.map((r) => r.statusCode)).toEqual(visits.slice(6).map(() => 200))
    expectRollupExact()

    // What the dashboard shows for the day is the roll-up: the eight visits that count, four missed, six rated.
    const day = new Date(Date.parse(soon.startsAt) + 8 * 3_600_000).toISOString().slice(0, 10)
    const figures = (
      await donghu.request({ method: 'GET', url: '/api/v1/staff/stats', query: { from: day, to: day } })
    ).json().bookings
    const direct = clientOf(app.db)
      .prepare(
        `SELECT count(*) AS n FROM bookings WHERE center_id = ? AND status <> 'cancelled'
           AND date(starts_at, '+8 hours') = ?`
      )
      .get(cat.center(DONGHU), day) as { n: number }
    expect(figures.total).toBe(direct.n)
  }, 60_000)

  it('follows writes that bypass the application: a changed score, a moved or deleted booking and rating', () => {
    const sqlite = clientOf(app.db)
    const rated = sqlite.prepare('SELECT booking_id AS id FROM booking_ratings LIMIT 2').all() as { id: string }[]
    expect(rated).toHaveLength(2)
    sqlite.prepare('UPDATE booking_ratings SET score = 6 - score WHERE booking_id = ?').run(rated[0]!.id)
    expectRollupExact()
    // A rated booking moved to another day, center and status in one statement carries its rating along.
    sqlite
      .prepare(
        `UPDATE bookings SET starts_at = '2031-01-01T02:00:00.000Z', status = 'no_show',
           center_id = (SELECT id FROM centers WHERE id <> bookings.center_id LIMIT 1) WHERE id = ?`
      )
      .run(rated[0]!.id)
    expectRollupExact()
    sqlite.prepare('DELETE FROM booking_ratings WHERE booking_id = ?').run(rated[1]!.id)
    expectRollupExact()
    const foreignKeys = sqlite.pragma('foreign_keys', { simple: true })
    sqlite.pragma('foreign_keys = OFF')
    try {
      sqlite.prepare('DELETE FROM bookings WHERE id = ?').run(rated[0]!.id) // its rating still there: taken off too
      expectRollupExact()
    } finally {
      sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
    }
  })
})

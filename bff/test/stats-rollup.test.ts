import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { isPostgres } from '../src/db/dialect'
import { query } from '../src/db/query'
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

// A slot's Beijing date as SQL: SQLite's date function, or the function PostgreSQL's roll-up triggers use.
const beijingDay = (column: string, postgres: boolean) =>
  postgres ? `booking_beijing_day(${column})` : `date(${column}, '+8 hours')`

// The same figures counted from the bookings themselves, per center and for the whole city.
const direct = (postgres: boolean) => `SELECT center_id, day, service_id, bookings, completed, no_shows, rated_1,
    rated_2, rated_3, rated_4, rated_5 FROM (
  SELECT CASE k.city WHEN 1 THEN '*' ELSE b.center_id END AS center_id, ${beijingDay('b.starts_at', postgres)} AS day,
         b.service_id, sum(CASE WHEN b.status <> 'cancelled' THEN 1 ELSE 0 END) AS bookings,
         sum(CASE WHEN b.status = 'completed' THEN 1 ELSE 0 END) AS completed,
         sum(CASE WHEN b.status = 'no_show' THEN 1 ELSE 0 END) AS no_shows,
         sum(CASE WHEN r.score = 1 THEN 1 ELSE 0 END) AS rated_1, sum(CASE WHEN r.score = 2 THEN 1 ELSE 0 END) AS rated_2,
         sum(CASE WHEN r.score = 3 THEN 1 ELSE 0 END) AS rated_3, sum(CASE WHEN r.score = 4 THEN 1 ELSE 0 END) AS rated_4,
         sum(CASE WHEN r.score = 5 THEN 1 ELSE 0 END) AS rated_5
    FROM bookings b LEFT JOIN booking_ratings r ON r.booking_id = b.id
    CROSS JOIN (SELECT 0 AS city UNION ALL SELECT 1) k
   GROUP BY 1, 2, 3) totals
  WHERE bookings + completed + no_shows + rated_1 + rated_2 + rated_3 + rated_4 + rated_5 > 0
  ORDER BY center_id, day, service_id`

async function expectRollupExact() {
  const rollup = (await query(app.db, ROLLUP).all()) as Row[]
  expect(rollup.length).toBeGreaterThan(0)
  expect(rollup).toEqual((await query(app.db, direct(false), direct(true)).all()) as Row[])
}

const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
  session.request({ method: 'POST', url: `/api/v1${url}`, payload })

describe('booking_day_totals', () => {
  it('starts equal to a direct count of the demo bookings (the backfill and the seed)', async () => {
    await expectRollupExact()
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
    await expectRollupExact()

    const held = laterBooked.flatMap((r, i) => (r.statusCode === 201 ? [{ who: veterans[i]!, id: r.json().id }] : []))
    // Cancel three, move three to another center on another day, and cancel one of the moved ones, all at once.
    const changes = await Promise.all([
      ...held.slice(0, 3).map(({ who, id }) => post(who, `/bookings/${id}/cancel`)),
      ...held.slice(3, 6).map(({ who, id }) => post(who, `/bookings/${id}/reschedule`, { slotId: elsewhere.id })),
      post(held[0]!.who, `/bookings/${held[0]!.id}/cancel`) // a repeat: already cancelled, nothing moves
    ])
    expect(changes.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200])
    expect((await post(held[3]!.who, `/bookings/${held[3]!.id}/cancel`)).statusCode).toBe(200)
    await expectRollupExact()

    const visits = soonBooked.flatMap((r, i) =>
      r.statusCode === 201 ? [{ who: veterans[12 + i]!, id: r.json().id as string }] : []
    )
    const attended = visits.slice(0, 6)
    const checkedIn = await Promise.all(attended.map(({ id }) => post(donghu, `/staff/bookings/${id}/check-in`)))
    expect(checkedIn.map((r) => r.statusCode)).toEqual(attended.map(() => 200))
    const completed = await Promise.all(attended.map(({ id }) => post(donghu, `/staff/bookings/${id}/complete`)))
    expect(completed.map((r) => r.statusCode)).toEqual(attended.map(() => 200))
    await expectRollupExact()

    // Each rates once, the first of them three times at once with different scores: one rating stands.
    const ratings = await Promise.all([
      ...attended.map(({ who, id }, i) => post(who, `/bookings/${id}/rating`, { score: 1 + (i % 5) })),
      post(attended[0]!.who, `/bookings/${attended[0]!.id}/rating`, { score: 5 }),
      post(attended[0]!.who, `/bookings/${attended[0]!.id}/rating`, { score: 3 })
    ])
    expect(ratings.filter((r) => r.statusCode === 201)).toHaveLength(attended.length)
    await expectRollupExact()

    // After the slot has ended the rest did not come: marked missed, all at once.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(soon.endsAt) + 60_000 })
    const missed = await Promise.all(visits.slice(6).map(({ id }) => post(donghu, `/staff/bookings/${id}/no-show`)))
    expect(missed.map((r) => r.statusCode)).toEqual(visits.slice(6).map(() => 200))
    await expectRollupExact()

    // What the dashboard shows for the day is the roll-up: the eight visits that count, four missed, six rated.
    const day = new Date(Date.parse(soon.startsAt) + 8 * 3_600_000).toISOString().slice(0, 10)
    const figures = (
      await donghu.request({ method: 'GET', url: '/api/v1/staff/stats', query: { from: day, to: day } })
    ).json().bookings
    const count = (postgres: boolean) =>
      `SELECT count(*) FROM bookings WHERE center_id = ? AND status <> 'cancelled'
         AND ${beijingDay('starts_at', postgres)} = ?`
    expect(figures.total).toBe(await query(app.db, count(false), count(true)).value(cat.center(DONGHU), day))
  }, 60_000)

  it('follows writes that bypass the application: a changed score, a moved or deleted booking and rating', async () => {
    const sql = (text: string) => query(app.db, text)
    const rated = (await sql('SELECT booking_id AS id FROM booking_ratings LIMIT 2').all()) as { id: string }[]
    expect(rated).toHaveLength(2)
    await sql('UPDATE booking_ratings SET score = 6 - score WHERE booking_id = ?').run(rated[0]!.id)
    await expectRollupExact()
    // A rated booking moved to another day, center and status in one statement carries its rating along.
    await sql(
      `UPDATE bookings SET starts_at = '2031-01-01T02:00:00.000Z', status = 'no_show',
         center_id = (SELECT id FROM centers WHERE id <> bookings.center_id LIMIT 1) WHERE id = ?`
    ).run(rated[0]!.id)
    await expectRollupExact()
    await sql('DELETE FROM booking_ratings WHERE booking_id = ?').run(rated[1]!.id)
    await expectRollupExact()
    // A booking deleted under its rating: SQLite's foreign keys switched off; PostgreSQL's key (not deferrable, and
    // session_replication_role would silence the roll-up's triggers too) dropped and put back unchecked.
    await withoutRatingsForeignKey(async () => {
      await sql('DELETE FROM bookings WHERE id = ?').run(rated[0]!.id) // its rating still there: taken off too
      await expectRollupExact()
    })
  })
})

async function withoutRatingsForeignKey(run: () => Promise<void>) {
  if (isPostgres(app.db)) {
    const key = 'booking_ratings_booking_id_bookings_id_fk'
    await query(app.db, `ALTER TABLE booking_ratings DROP CONSTRAINT ${key}`).run()
    try {
      await run()
    } finally {
      await query(
        app.db,
        `ALTER TABLE booking_ratings ADD CONSTRAINT ${key} FOREIGN KEY (booking_id) REFERENCES bookings (id) NOT VALID`
      ).run()
    }
    return
  }
  const foreignKeys = await query(app.db, 'PRAGMA foreign_keys').value()
  await query(app.db, 'PRAGMA foreign_keys = OFF').run()
  try {
    await run()
  } finally {
    await query(app.db, `PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`).run()
  }
}

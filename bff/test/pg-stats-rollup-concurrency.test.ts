import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migratePostgres } from '../src/db/pg/migrate'
import { createTestDatabase, type TestDatabase } from './pg-helpers'

// The stats roll-up triggers (migrations-pg/0002) under concurrent writers on PostgreSQL: bookings of the same
// center, day and service inserted, cancelled and moved between two centers by several sessions at once. Every
// trigger takes the roll-up rows in one order, so none of them deadlocks, and the totals stay exact.

const RUN_MS = 3_000
const SLOT_AT = '2031-01-01T01:00:00Z'

let database: TestDatabase
const clients: pg.Client[] = []

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url })
  client.on('error', () => undefined)
  await client.connect()
  clients.push(client)
  return client
}

beforeAll(async () => {
  database = await createTestDatabase()
  await migratePostgres(database.url)
  const setup = await connect()
  await setup.query(
    `INSERT INTO districts (code, name) VALUES ('d', '区');
     INSERT INTO centers (id, name, level, district_code, address, phone, opening_hours)
       VALUES ('c1', '中心一', 'district', 'd', '路', '1', '9-5'), ('c2', '中心二', 'district', 'd', '路', '1', '9-5');
     INSERT INTO services (id, code, name, category, description, duration_minutes, required_documents)
       VALUES ('s', 'k', '服务', 'c', 'd', 30, '[]');
     INSERT INTO veterans (id, name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date,
         district_code, category, created_at, updated_at)
       VALUES ('v', '张', 'e', 'h', 'm', 'male', '1970-01-01', 'd', 'retired', 'now', 'now');
     INSERT INTO users (id, kind, role, display_name, created_at, updated_at)
       VALUES ('u', 'staff', 'staff', '员', 'now', 'now');
     INSERT INTO slots (id, center_id, service_id, starts_at, ends_at, capacity, booked, created_at, updated_at)
       VALUES ('sl', 'c1', 's', '${SLOT_AT}', '${SLOT_AT}', 100000, 0, 'now', 'now')`
  )
  // Bookings to cancel and to move, split between the two centers.
  await setup.query(
    `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active,
         check_in_code, starts_at, ends_at, created_at, updated_at)
     SELECT 'pre-' || i, 'sl', CASE WHEN i % 2 = 0 THEN 'c1' ELSE 'c2' END, 's', 'v', 'u',
            CASE WHEN i % 7 = 0 THEN 'completed' ELSE 'booked' END, false, '0', '${SLOT_AT}', '${SLOT_AT}', 'now', 'now'
     FROM generate_series(1, 4000) i`
  )
})

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)))
  await database?.drop()
})

describe('the stats roll-up triggers on PostgreSQL', () => {
  it('never deadlock when sessions book, cancel and move bookings of the same day at once; totals stay exact', async () => {
    const sessions = await Promise.all([connect(), connect(), connect(), connect()])
    const deadline = Date.now() + RUN_MS
    const failures: string[] = []
    let deadlocks = 0
    let writes = 0
    const loop = async (client: pg.Client, write: (i: number) => Promise<unknown>) => {
      for (let i = 0; Date.now() < deadline; i++) {
        try {
          await write(i)
          writes++
        } catch (error) {
          if ((error as { code?: string }).code === '40P01') deadlocks++
          else failures.push((error as Error).message)
        }
      }
    }
    const [inserter, canceller, toC2, toC1] = sessions
    await Promise.all([
      loop(inserter, (i) =>
        inserter.query(
          `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active,
               check_in_code, starts_at, ends_at, created_at, updated_at)
           VALUES ($1, 'sl', $2, 's', 'v', 'u', 'booked', false, '0', $3, $3, 'now', 'now')`,
          [`new-${i}`, i % 2 === 0 ? 'c1' : 'c2', SLOT_AT]
        )
      ),
      loop(canceller, (i) =>
        canceller.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [`pre-${(i % 4000) + 1}`])
      ),
      // Two sessions moving bookings between the centers in opposite directions, several in one statement.
      loop(toC2, (i) =>
        toC2.query(`UPDATE bookings SET center_id = 'c2' WHERE id = ANY($1) AND center_id = 'c1'`, [
          [`pre-${((i * 3) % 4000) + 2}`, `pre-${((i * 3 + 1000) % 4000) + 2}`]
        ])
      ),
      loop(toC1, (i) =>
        toC1.query(`UPDATE bookings SET center_id = 'c1' WHERE id = ANY($1) AND center_id = 'c2'`, [
          [`pre-${((i * 5) % 4000) + 1}`, `pre-${((i * 5 + 2000) % 4000) + 1}`]
        ])
      )
    ])
    console.log(`stats roll-up under concurrency: ${writes} writes in ${RUN_MS} ms, ${deadlocks} deadlocks`)

    expect(failures).toEqual([])
    expect(deadlocks).toBe(0)
    expect(writes).toBeGreaterThan(100)
    // The roll-up equals a recount from the bookings, per center and for the city.
    const { rows } = await inserter.query<{ totals: string; recount: string }>(
      `SELECT
         (SELECT json_agg(t ORDER BY t.center_id) FROM (
            SELECT center_id, day, service_id, bookings, completed, no_shows FROM booking_day_totals
            WHERE bookings + completed + no_shows > 0) t)::text AS totals,
         (SELECT json_agg(r ORDER BY r.center_id) FROM (
            SELECT coalesce(center_id, '*') AS center_id, booking_beijing_day(starts_at) AS day, service_id,
                   count(*) FILTER (WHERE status <> 'cancelled')::int AS bookings,
                   count(*) FILTER (WHERE status = 'completed')::int AS completed,
                   count(*) FILTER (WHERE status = 'no_show')::int AS no_shows
            FROM bookings GROUP BY GROUPING SETS ((center_id, booking_beijing_day(starts_at), service_id),
                                                 (booking_beijing_day(starts_at), service_id))) r
          WHERE bookings + completed + no_shows > 0)::text AS recount`
    )
    const { totals, recount } = rows[0]!
    expect(JSON.parse(totals)).toEqual(JSON.parse(recount))
    expect(JSON.parse(totals)).toHaveLength(3)
  }, 20_000)
})

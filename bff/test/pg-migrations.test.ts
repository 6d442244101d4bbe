import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { eq, is } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenedDatabase } from '../src/db/client'
import { MIGRATION_LOCK_KEY, migratePostgres } from '../src/db/pg/migrate'
import * as pgSchema from '../src/db/pg/schema'
import * as sqliteSchema from '../src/db/schema/index'
import { BFF_ROOT, MIGRATIONS_PG_DIR } from '../src/paths'
import { createTestDatabase, type TestDatabase } from './pg-helpers'

const sqliteTables = Object.values(sqliteSchema as Record<string, unknown>).filter((value): value is SQLiteTable =>
  is(value, SQLiteTable)
)
const journalEntries = (
  JSON.parse(readFileSync(path.join(MIGRATIONS_PG_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length

const databases: TestDatabase[] = []
const pools: pg.Pool[] = []
let main: TestDatabase
let pool: pg.Pool
let sqliteDir: string
let sqlite: OpenedDatabase

async function freshDatabase(): Promise<{ database: TestDatabase; pool: pg.Pool }> {
  const database = await createTestDatabase()
  databases.push(database)
  const opened = new pg.Pool({ connectionString: database.url, max: 2 })
  pools.push(opened)
  return { database, pool: opened }
}

async function rows<T>(client: pg.Pool, text: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(text, params)).rows as T[]
}

beforeAll(async () => {
  ;({ database: main, pool } = await freshDatabase())
  await migratePostgres(main.url)
  sqliteDir = mkdtempSync(path.join(tmpdir(), 'bff-pg-migrations-'))
  sqlite = openDatabase(path.join(sqliteDir, 'bff.db'))
})

afterAll(async () => {
  sqlite?.sqlite.close()
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true })
  await Promise.all(pools.map((p) => p.end()))
  await Promise.all(databases.map((d) => d.drop()))
})

describe('the PostgreSQL schema', () => {
  it('has every table and column of the SQLite schema, with the mapped types and the same NOT NULL set', async () => {
    const columns = await rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      pool,
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'policy_search'` // PostgreSQL's own search index (0004)
    )
    const actual = columns.map((c) => `${c.table_name}.${c.column_name} ${c.data_type} ${c.is_nullable}`).sort()
    const pgType: Record<string, string> = {
      SQLiteText: 'text',
      SQLiteTextJson: 'jsonb',
      SQLiteBoolean: 'boolean',
      SQLiteReal: 'double precision',
      SQLiteInteger: 'integer'
    }
    const expected = sqliteTables
      .flatMap((table) => {
        const config = getTableConfig(table)
        return config.columns.map((column) => {
          const qualified = `${config.name}.${column.name}`
          const type = qualified === 'failed_attempts.id' ? 'bigint' : pgType[column.columnType]
          return `${qualified} ${type} ${column.notNull || column.primary ? 'NO' : 'YES'}`
        })
      })
      .sort()
    expect(actual).toEqual(expected)
    expect(sqliteTables.length).toBeGreaterThanOrEqual(33)
  })

  it("has every index of the SQLite database under the same name, hand-written ones too, and the schema's checks and foreign keys", async () => {
    const sqliteIndexes = (
      sqlite.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'")
        .all() as { name: string }[]
    ).map((r) => r.name)
    const pgIndexes = (
      await rows<{ name: string }>(
        pool,
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT i.indisprimary
           AND c.relname NOT LIKE 'policy\\_search\\_%\\_idx'`
      )
    ).map((r) => r.name)
    expect(pgIndexes.sort()).toEqual(sqliteIndexes.sort())
    expect(pgIndexes).toContain('audit_log_actor_idx')

    const constraints = await rows<{ name: string; type: string }>(
      pool,
      `SELECT conname AS name, contype AS type FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND contype IN ('c', 'f') AND c.conrelid::regclass::text <> 'policy_search'`
    )
    const named = (type: string) => constraints.filter((c) => c.type === type).map((c) => c.name)
    const configs = sqliteTables.map((t) => getTableConfig(t))
    expect(named('c').sort()).toEqual(configs.flatMap((c) => c.checks.map((ck) => ck.name)).sort())
    expect(named('f').sort()).toEqual(configs.flatMap((c) => c.foreignKeys.map((fk) => fk.getName())).sort())
  })

  it('holds the CHECK constraints and the partial unique index on a boolean column', async () => {
    await seedReference(pool, 'x')
    const slot = (id: string, capacity: number, booked: number) =>
      pool.query(
        `INSERT INTO slots (id, center_id, service_id, starts_at, ends_at, capacity, booked, created_at, updated_at)
         VALUES ($1, 'cx', 'sx1', $2, $2, $3, $4, 'now', 'now')`,
        [id, `2031-01-01T0${capacity}:00:00.000Z`, capacity, booked]
      )
    await slot('full', 2, 2)
    await expect(slot('over', 3, 4)).rejects.toThrow(/slots_booked_within_capacity/)
    await expect(pool.query("UPDATE slots SET booked = 3 WHERE id = 'full'")).rejects.toThrow(
      /slots_booked_within_capacity/
    )

    const booking = (id: string, active: boolean) =>
      pool.query(
        `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active,
           check_in_code, starts_at, ends_at, created_at, updated_at)
         VALUES ($1, 'full', 'cx', 'sx1', 'vx1', 'ux', 'booked', $2, '000000', $3, $3, 'now', 'now')`,
        [id, active, '2031-01-02T01:00:00.000Z']
      )
    await booking('b1', true)
    await booking('b2', false)
    await expect(booking('b3', true)).rejects.toThrow(/bookings_one_active_per_service/)

    await expect(
      pool.query("INSERT INTO booking_ratings (booking_id, score, rated_by, created_at) VALUES ('b1', 6, 'ux', 'now')")
    ).rejects.toThrow(/booking_ratings_score_range/)
    await expect(pool.query("INSERT INTO slots (id) VALUES ('no-center')")).rejects.toThrow(/not-null/)
  })

  it('keeps the audit log append-only: INSERT goes in, UPDATE, DELETE and TRUNCATE are refused', async () => {
    await pool.query(
      `INSERT INTO audit_log (id, at, actor_id, action, entity, detail)
       VALUES ('a1', '2031-01-01T00:00:00.000Z', 'ux', 'policy.publish', 'policy', '{"title": "x"}')`
    )
    await expect(pool.query("UPDATE audit_log SET action = 'forged' WHERE id = 'a1'")).rejects.toThrow(
      'audit_log is append-only'
    )
    await expect(pool.query("DELETE FROM audit_log WHERE id = 'a1'")).rejects.toThrow('audit_log is append-only')
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow('audit_log is append-only')
    expect(await rows(pool, 'SELECT id, action, detail FROM audit_log')).toEqual([
      { id: 'a1', action: 'policy.publish', detail: { title: 'x' } }
    ])
  })

  it('has the data rows of the SQLite migrations', async () => {
    expect(await rows(pool, 'SELECT id, version FROM policy_search_state')).toEqual(
      sqlite.sqlite.prepare('SELECT id, version FROM policy_search_state').all()
    )
  })
})

describe('migratePostgres', () => {
  it('applies each migration once when five instances start together', async () => {
    const { database, pool: fresh } = await freshDatabase()
    await Promise.all(Array.from({ length: 5 }, () => migratePostgres(database.url)))
    const recorded = await rows<{ count: number; hashes: number }>(
      fresh,
      'SELECT count(*)::int AS count, count(DISTINCT hash)::int AS hashes FROM drizzle.__drizzle_migrations'
    )
    expect(recorded).toEqual([{ count: journalEntries, hashes: journalEntries }])
    expect(await rows(fresh, 'SELECT id, version FROM policy_search_state')).toEqual([{ id: 1, version: 0 }])
    // And a later start finds nothing to do.
    await migratePostgres(database.url)
    expect(await rows(fresh, 'SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations')).toEqual([
      { count: journalEntries }
    ])
  })

  it('gives up waiting for a lock another session holds, saying which lock', async () => {
    const { database, pool: fresh } = await freshDatabase()
    const holder = await fresh.connect()
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
      await expect(migratePostgres(database.url, { lockWaitMs: 600 })).rejects.toThrow(
        new RegExp(`migration lock \\(advisory lock ${MIGRATION_LOCK_KEY}\\) for over`)
      )
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      // Released, the lock is taken and the migrations run.
      await migratePostgres(database.url, { lockWaitMs: 600 })
      expect(await rows(fresh, 'SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations')).toEqual([
        { count: journalEntries }
      ])
    } finally {
      holder.release()
    }
  })

  it("throws the migration's own error when its connection is ended mid-migration", async () => {
    const { database, pool: fresh } = await freshDatabase()
    // drizzle's migration record, created ahead and held locked: the migration waits on it until ended.
    await fresh.query(
      'CREATE SCHEMA drizzle; CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)'
    )
    const blocker = await fresh.connect()
    try {
      await blocker.query('BEGIN')
      await blocker.query('LOCK TABLE drizzle.__drizzle_migrations IN ACCESS EXCLUSIVE MODE')
      const migrating = migratePostgres(database.url).then(
        () => null,
        (error: Error) => error
      )
      let ended = 0
      for (let tries = 0; ended === 0 && tries < 100; tries++) {
        const [row] = await rows<{ ended: number }>(
          fresh,
          `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`
        )
        ended = row!.ended
        if (ended === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(ended).toBe(1)
      const error = await migrating
      // drizzle's error naming the query, caused by PostgreSQL's: not a later failure to unlock on the dead session.
      expect(error?.message).toMatch(/^Failed query: select id, hash, created_at from "drizzle"/)
      expect((error?.cause as Error | undefined)?.message).toMatch(/terminating connection due to administrator/)
    } finally {
      await blocker.query('ROLLBACK')
      blocker.release()
    }
  })
})

async function seedReference(client: pg.Pool, suffix: string) {
  await client.query(
    `INSERT INTO districts (code, name) VALUES ('d${suffix}', '区');
     INSERT INTO centers (id, name, level, district_code, address, phone, opening_hours)
       VALUES ('c${suffix}', '中心', 'district', 'd${suffix}', '路', '1', '9-5');
     INSERT INTO services (id, code, name, category, description, duration_minutes, required_documents)
       VALUES ('s${suffix}1', 'k${suffix}1', '服务', 'c', 'd', 30, '[]');
     INSERT INTO veterans (id, name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date,
         district_code, category, created_at, updated_at)
       VALUES ('v${suffix}1', '张', 'e', 'h${suffix}', 'm', 'male', '1970-01-01', 'd${suffix}', 'retired', 'now', 'now');
     INSERT INTO users (id, kind, role, display_name, created_at, updated_at)
       VALUES ('u${suffix}', 'staff', 'staff', '员', 'now', 'now')`
  )
}

describe('the stats roll-up triggers', () => {
  // The same writes through the same drizzle tables on both dialects; after each, the roll-ups must be equal.
  it('give the same booking_day_totals rows on PostgreSQL as on SQLite', async () => {
    const { database, pool: fresh } = await freshDatabase()
    await migratePostgres(database.url)
    const pgDb = drizzle(fresh)
    const sqliteDb = sqlite.db
    type TableName = keyof typeof pgSchema & keyof typeof sqliteSchema
    const both = async (
      write: (db: any, tables: Record<TableName, any>) => PromiseLike<unknown> // eslint-disable-line @typescript-eslint/no-explicit-any
    ) => {
      await write(sqliteDb, sqliteSchema as never)
      await write(pgDb, pgSchema as never)
    }
    const totals = async () => {
      const order = 'ORDER BY center_id, day, service_id'
      const fromSqlite = sqlite.sqlite.prepare(`SELECT * FROM booking_day_totals ${order}`).all()
      const fromPg = await rows(fresh, `SELECT * FROM booking_day_totals ${order}`)
      expect(fromPg).toEqual(fromSqlite)
      return fromPg
    }
    const now = '2031-03-01T00:00:00.000Z'
    await both((db, t) => db.insert(t.districts).values({ code: 'd1', name: '区' }))
    for (const id of ['c1', 'c2']) {
      await both((db, t) =>
        db.insert(t.centers).values({
          id,
          name: id,
          level: 'district',
          districtCode: 'd1',
          address: '路',
          phone: '1',
          openingHours: '9-5'
        })
      )
    }
    for (const id of ['s1', 's2']) {
      await both((db, t) =>
        db.insert(t.services).values({
          id,
          code: id,
          name: id,
          category: 'c',
          description: 'd',
          durationMinutes: 30,
          requiredDocuments: []
        })
      )
    }
    await both((db, t) =>
      db.insert(t.veterans).values({
        id: 'v1',
        name: '张',
        idNumberEnc: 'e',
        idNumberHash: 'h1',
        idNumberMasked: 'm',
        gender: 'male',
        birthDate: '1970-01-01',
        districtCode: 'd1',
        category: 'retired',
        createdAt: now,
        updatedAt: now
      })
    )
    await both((db, t) =>
      db.insert(t.users).values({
        id: 'u1',
        kind: 'staff',
        role: 'staff',
        displayName: '员',
        createdAt: now,
        updatedAt: now
      })
    )
    const book = (id: string, centerId: string, serviceId: string, startsAt: string, status: string) =>
      both(async (db, t) => {
        await db.insert(t.slots).values({
          id: `slot-${id}`,
          centerId,
          serviceId,
          startsAt,
          endsAt: startsAt,
          capacity: 5,
          booked: 1,
          createdAt: now,
          updatedAt: now
        })
        await db.insert(t.bookings).values({
          id,
          slotId: `slot-${id}`,
          centerId,
          serviceId,
          veteranId: 'v1',
          bookedByUserId: 'u1',
          status,
          active: false,
          checkInCode: '000000',
          startsAt,
          endsAt: startsAt,
          createdAt: now,
          updatedAt: now
        })
      })
    const setBooking = (id: string, set: Record<string, unknown>) =>
      both((db, t) => db.update(t.bookings).set(set).where(eq(t.bookings.id, id)))
    const rate = (bookingId: string, score: number) =>
      both((db, t) =>
        db.insert(t.bookingRatings).values({ bookingId, score, ratedBy: 'u1', createdAt: now, comment: null })
      )

    await book('b1', 'c1', 's1', '2031-03-03T01:00:00.000Z', 'booked')
    // 00:30 in Beijing on the 4th: counts on the 4th.
    await book('b2', 'c1', 's1', '2031-03-03T16:30:00.000Z', 'booked')
    await book('b3', 'c2', 's2', '2031-03-03T02:00:00.000Z', 'completed')
    // Text with an offset of its own counts in it: 20:00 in Beijing on the 5th.
    await book('b4', 'c1', 's2', '2031-03-05T20:00:00+08:00', 'cancelled')
    await totals()
    await rate('b3', 5)
    await setBooking('b1', { status: 'checked_in' })
    await setBooking('b1', { status: 'completed' })
    await rate('b1', 4)
    await totals()
    await both((db, t) => db.update(t.bookingRatings).set({ score: 2 }).where(eq(t.bookingRatings.bookingId, 'b1')))
    // A second rating on the same day's rows adds up with the first.
    await book('b5', 'c1', 's1', '2031-03-03T05:00:00.000Z', 'completed')
    await rate('b5', 2)
    await setBooking('b2', { status: 'no_show' })
    await setBooking('b4', { status: 'booked' })
    // Rescheduled to another day and center, its rating moving with it.
    await setBooking('b3', { startsAt: '2031-03-06T03:00:00.000Z', centerId: 'c1' })
    await setBooking('b5', { serviceId: 's2' })
    // A change that moves nothing (same Beijing day).
    await setBooking('b1', { startsAt: '2031-03-03T02:00:00.000Z', note: '改' })
    await totals()
    await both((db, t) => db.delete(t.bookingRatings).where(eq(t.bookingRatings.bookingId, 'b1')))
    await both((db, t) => db.delete(t.bookings).where(eq(t.bookings.id, 'b2')))
    const final = await totals()

    expect(final).toContainEqual({
      day: '2031-03-06',
      center_id: '*',
      service_id: 's2',
      bookings: 1,
      completed: 1,
      no_shows: 0,
      rated_1: 0,
      rated_2: 0,
      rated_3: 0,
      rated_4: 0,
      rated_5: 1
    })
    expect(final.length).toBeGreaterThanOrEqual(8)
  })
})

describe('the PostgreSQL migrations', () => {
  it('are up to date with the schema: drizzle-kit generates nothing new', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'bff-migrations-pg-'))
    try {
      cpSync(MIGRATIONS_PG_DIR, copy, { recursive: true })
      const before = [...readdirSync(copy), ...readdirSync(path.join(copy, 'meta'))]
      // drizzle-kit takes --out relative to the working directory.
      const { stdout } = await promisify(execFile)(
        path.join(BFF_ROOT, 'node_modules', '.bin', 'drizzle-kit'),
        [
          'generate',
          '--dialect',
          'postgresql',
          '--schema',
          './src/db/pg/schema.ts',
          '--out',
          path.relative(BFF_ROOT, copy)
        ],
        // A question drizzle-kit might ask (a rename?) would wait for an answer: fail instead.
        { cwd: BFF_ROOT, timeout: 20_000 }
      )
      expect(stdout).toContain('No schema changes')
      expect([...readdirSync(copy), ...readdirSync(path.join(copy, 'meta'))]).toEqual(before)
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { execFile, spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { BFF_ROOT, MIGRATIONS_DIR } from '../src/paths'
import { copySqliteToPostgres, CopyRefused } from '../src/db/pg/copy-from-sqlite'
import { planCopy } from '../src/db/pg/copy-plan'
import { SqliteSnapshot } from '../src/db/pg/copy-source'
import { verifyCopy } from '../src/db/pg/verify-copy'
import { migratePostgres } from '../src/db/pg/migrate'
import { buildTestApp, DEMO_PASSWORD, DEMO_VETERANS, signInStaff, signInWechat } from '../src/testing/index'
import { catalog, createSlot, createVeterans, book, DONGHU } from './booking-helpers'
import { ask, newKey, uploadPhoto, write } from './messaging-helpers'
import { draft, sendAndWait } from './notices-helpers'
import { createTestDatabase, type TestDatabase } from './pg-helpers'

// `migrate-to-postgres`: a SQLite deployment with the demo data and some activity on it, copied into PostgreSQL
// databases of this file's own, and what an operator sees: the verification, refusals with exit code 2, and a
// target left as it was when anything goes wrong.

const run = promisify(execFile)
const TSX = path.join(BFF_ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(BFF_ROOT, 'scripts', 'migrate-to-postgres.ts')

let dir: string
let sqliteFile: string
const databases: TestDatabase[] = []

async function newTarget() {
  const database = await createTestDatabase()
  databases.push(database)
  return database
}

/** The command as an operator runs it; resolves with its exit code and output. */
async function runCommand(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: BFF_ROOT, env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** Every table of the public schema with its row count (none: the migrations never ran). */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    counts[name] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${name}"`))[0]?.n)
  }
  return counts
}

function sqliteCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true })
  try {
    const snapshot = SqliteSnapshot.open(file)
    const names = snapshot.tables().tables.map((table) => table.name)
    snapshot.close()
    return Object.fromEntries(
      names.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n])
    )
  } finally {
    db.close()
  }
}

function latestMigrationTag(): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[]
  }
  return journal.entries[journal.entries.length - 1]!.tag
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'migrate-to-pg-'))
  sqliteFile = path.join(dir, 'veterans.db')
  const app = await buildTestApp({ DATABASE_URL: `file:${sqliteFile}` })
  try {
    const [laowang, admin, donghu] = await Promise.all([
      signInWechat(app, 'laowang'),
      signInStaff(app, 'admin'),
      signInStaff(app, 'donghu')
    ])
    // A booking by a veteran registered and bound today.
    const [veteran] = await createVeterans(app, admin, 'pgcopy', 1)
    const cat = await catalog(laowang)
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: [...cat.services.values()][0]!.id,
      startsInMinutes: 3 * 24 * 60,
      capacity: 2
    })
    const booked = await book(veteran!, { slotId: slot.id })
    expect(booked.statusCode, booked.body).toBe(201)
    // A question with a photo attached (an uploads row claimed by the message).
    const thread = await ask(laowang)
    const photo = (await uploadPhoto(laowang)).id
    const sent = await write(laowang, thread.id, '附上照片', newKey(), { attachmentIds: [photo] })
    expect(sent.statusCode, sent.body).toBe(201)
    // A notice sent to its district, and a failed staff sign-in (an identity-numbered row).
    await sendAndWait(donghu, await draft(donghu))
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/staff',
      payload: { username: 'donghu', password: `${DEMO_PASSWORD}-wrong` }
    })
    expect(wrong.statusCode).toBe(401)
  } finally {
    await app.close()
  }
})

afterAll(async () => {
  for (const database of databases) await database.drop()
  rmSync(dir, { recursive: true, force: true })
})

describe('migrate-to-postgres', () => {
  let target: TestDatabase

  it('copies every table: counts and checksums equal on both sides, and the ciphertexts as they are', async () => {
    target = await newTarget()
    const report = await copySqliteToPostgres(sqliteFile, target.url)

    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    // Counted again here, apart from the command's own verification.
    const source = sqliteCounts(sqliteFile)
    const copied = await tableCounts(target.url)
    for (const [table, rows] of Object.entries(source)) expect([table, copied[table]]).toEqual([table, rows])
    for (const table of ['uploads', 'bookings', 'notices', 'notice_recipients', 'thread_messages', 'audit_log'])
      expect(copied[table], table).toBeGreaterThan(0)
    for (const table of ['failed_attempts', 'sessions', 'idempotency_keys', 'booking_day_totals', 'veterans'])
      expect(copied[table], table).toBeGreaterThan(0)
    // SQLite's full-text index is not copied but PostgreSQL's own is built: every policy is in it.
    const [search] = await query<{ indexed: string; policies: string }>(
      target.url,
      'SELECT (SELECT count(*) FROM policy_search) AS indexed, (SELECT count(*) FROM policies) AS policies'
    )
    expect(report.policiesIndexed).toBe(copied.policies)
    expect(Number(search!.indexed)).toBe(Number(search!.policies))
    expect(report.skipped.map((table) => table.name)).toEqual(
      expect.arrayContaining(['policy_search', 'policy_search_data', 'policy_brief_search', '__drizzle_migrations'])
    )

    const { idNumber, name } = DEMO_VETERANS.wangJianguo
    const sqlite = new Database(sqliteFile, { readonly: true })
    const sealed = sqlite.prepare('SELECT id_number_enc FROM veterans WHERE name = ?').pluck().get(name) as string
    sqlite.close()
    const [row] = await query<{ id_number_enc: string }>(
      target.url,
      'SELECT id_number_enc FROM veterans WHERE name = $1',
      [name]
    )
    expect(Buffer.from(row!.id_number_enc).equals(Buffer.from(sealed))).toBe(true)
    expect(row!.id_number_enc).not.toContain(idNumber)
    expect(row!.id_number_enc).not.toContain(idNumber.slice(6, 14))

    // Booleans and JSON arrive typed: the veteran's booking is active, a notice's audience is an object.
    const [types] = await query<{ active: boolean; audience: unknown }>(
      target.url,
      `SELECT (SELECT bool_or(active) FROM bookings) AS active, (SELECT audience FROM notices LIMIT 1) AS audience`
    )
    expect(types).toMatchObject({ active: true, audience: expect.any(Object) })
    // The identity column goes on after the copied ids.
    const [added] = await query<{ id: string; highest: string }>(
      target.url,
      `WITH highest AS (SELECT max(id) AS highest FROM failed_attempts)
       INSERT INTO failed_attempts (scope, subject, at) VALUES ('test', 'x', '2026-01-01T00:00:00Z')
       RETURNING id, (SELECT highest FROM highest)`
    )
    expect(Number(added!.id)).toBeGreaterThan(Number(added!.highest))
    await query(target.url, "DELETE FROM failed_attempts WHERE scope = 'test'")
    // The triggers, off during the copy, are on again: the audit log refuses changes, the roll-up follows bookings.
    await expect(query(target.url, "UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/)
  })

  it('finds a changed row by its checksum, with equal counts', async () => {
    const snapshot = SqliteSnapshot.open(sqliteFile)
    const client = new pg.Client({ connectionString: target.url })
    await client.connect()
    try {
      const plans = planCopy(snapshot.tables().tables)
      await client.query("UPDATE thread_messages SET body = body || '.' WHERE seq = 1")
      const checks = await verifyCopy(client, snapshot, plans)
      const bad = checks.filter((check) => !check.ok)
      expect(bad.map((check) => [check.table, check.sourceRows === check.targetRows])).toEqual([
        ['thread_messages', true]
      ])
      await client.query('UPDATE thread_messages SET body = left(body, -1) WHERE seq = 1')
      expect((await verifyCopy(client, snapshot, plans)).every((check) => check.ok)).toBe(true)
    } finally {
      await client.end()
      snapshot.close()
    }
  })

  it('refuses a second run into the same target (exit code 2), which stays as it was', async () => {
    const before = await tableCounts(target.url)
    const result = await runCommand([sqliteFile], { TARGET_DATABASE_URL: target.url })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/already holds rows/)
    expect(await tableCounts(target.url)).toEqual(before)
  })

  it('verifies a filled target again with --verify-only: exit code 0, and 1 once a row differs', async () => {
    const verified = await runCommand([sqliteFile, '--verify-only'], { TARGET_DATABASE_URL: target.url })
    expect(verified.code, verified.stderr).toBe(0)
    expect(verified.stdout).toMatch(/Verified: \d+ tables, \d+ rows, counts and checksums equal \(verification only\)/)
    await query(target.url, "UPDATE thread_messages SET body = body || '.' WHERE seq = 1")
    try {
      const differs = await runCommand([sqliteFile, '--verify-only', '--to', target.url])
      expect(differs.code).toBe(1)
      expect(differs.stderr).toMatch(/Mismatch in thread_messages:/)
    } finally {
      await query(target.url, 'UPDATE thread_messages SET body = left(body, -1) WHERE seq = 1')
    }
  })

  it('refuses a SQLite file with a migration not applied, one that is no database, and a missing one', async () => {
    const untouched = await newTarget()
    const pending = path.join(dir, 'pending.db')
    copyFileSync(sqliteFile, pending)
    const db = new Database(pending)
    db.prepare(
      'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)'
    ).run()
    db.close()
    const notDatabase = path.join(dir, 'notes.txt')
    writeFileSync(notDatabase, 'not a database, just words\n'.repeat(200))

    const cases: [string, RegExp][] = [
      [pending, new RegExp(`migrations not applied yet \\(${latestMigrationTag()}\\)`)],
      [notDatabase, /is not a SQLite database/],
      [path.join(dir, 'missing.db'), /There is no file/]
    ]
    for (const [file, message] of cases) {
      const result = await runCommand([file, '--to', untouched.url])
      expect([file, result.code]).toEqual([file, 2])
      expect(result.stderr).toMatch(message)
    }
    // Not even the migrations ran.
    expect(await tableCounts(untouched.url)).toEqual({})
  })

  it('leaves the target without any copied row when a row is refused mid-copy', async () => {
    const failing = await newTarget()
    await migratePostgres(failing.url)
    const empty = await tableCounts(failing.url)
    // The copy switches user triggers off (they would count the stats roll-up twice), so a constraint refuses the
    // row: the resident's photo message, in one of the last tables copied.
    await query(failing.url, "ALTER TABLE thread_messages ADD CONSTRAINT refuse_photo CHECK (body <> '附上照片')")

    const error = await copySqliteToPostgres(sqliteFile, failing.url).then(
      () => null,
      (failure: Error) => failure
    )
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(CopyRefused)
    // The batch is named by its table, rows and key range; the message is PostgreSQL's, without the row's values.
    expect(error!.message).toMatch(/^thread_messages, rows 1–\d+ read \(id from ".+" to ".+"\): .*refuse_photo/)
    expect(error!.message).toMatch(/rolled back: the target holds none of the copied rows/)
    expect(error!.message).not.toContain('附上照片')
    expect(await tableCounts(failing.url)).toEqual(empty)
  })

  it('copies 30,000 rows of one table from one snapshot while the file is being written', async () => {
    const large = path.join(dir, 'large.db')
    copyFileSync(sqliteFile, large)
    const db = new Database(large)
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
       INSERT INTO audit_log (id, at, actor_id, actor_role, action, entity, entity_id, detail)
       SELECT printf('bulk-%06d', i), '2026-03-01T08:00:00.000Z', 'admin', 'admin', 'veteran.read', 'veteran',
              printf('v-%d', i), json_object('fields', json_array('idNumber', 'phone'), 'n', i, 'ok', json('true'))
       FROM n`
    ).run()
    db.close()
    const bulkTarget = await newTarget()

    // A server still writing to the file meanwhile: the copy is of one snapshot, consistent, without those writes.
    const server = new Database(large)
    server.pragma('journal_mode = WAL')
    const insert = server.prepare(
      "INSERT INTO audit_log (id, at, action, entity, detail) VALUES (?, '2026-03-02T08:00:00.000Z', 'late', 'x', '{}')"
    )
    let late = 0
    const writer = setInterval(() => insert.run(`late-${++late}`), 2)
    const report = await copySqliteToPostgres(large, bulkTarget.url).finally(() => clearInterval(writer))
    server.close()
    const audit = report.checks.find((check) => check.table === 'audit_log')
    console.log(
      `migrate-to-postgres: ${report.rows} rows (audit_log ${audit?.targetRows}) copied in ${report.copyMs} ms, ` +
        `verified in ${report.verifyMs} ms`
    )
    expect(report.checks.every((check) => check.ok)).toBe(true)
    expect(audit?.targetRows).toBeGreaterThanOrEqual(30_000)
    expect(late).toBeGreaterThan(0)
    const [{ copiedLate }] = (await query<{ copiedLate: string }>(
      bulkTarget.url,
      `SELECT count(*) AS "copiedLate" FROM audit_log WHERE action = 'late'`
    )) as [{ copiedLate: string }]
    expect(Number(copiedLate)).toBe(0)
  })

  it('says on Ctrl-C during the verification that the copy is committed but not verified, and how to verify it', async () => {
    const large = path.join(dir, 'interrupted.db')
    copyFileSync(sqliteFile, large)
    const db = new Database(large)
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
       INSERT INTO audit_log (id, at, action, entity, detail)
       SELECT printf('bulk-%06d', i), '2026-03-01T08:00:00.000Z', 'veteran.read', 'veteran', json_object('n', i) FROM n`
    ).run()
    db.close()
    const interruptedTarget = await newTarget()
    const child = spawn(TSX, [SCRIPT, large], {
      cwd: BFF_ROOT,
      env: { ...process.env, TARGET_DATABASE_URL: interruptedTarget.url }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString()
      if (/\(committed\); verifying/.test(stdout) && child.signalCode === null) child.kill('SIGINT')
    })
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(130)
    expect(stderr).toMatch(/committed but NOT verified/)
    expect(stderr).toContain(`migrate-to-postgres ${large} --verify-only`)
    // And so it is verified afterwards.
    const verified = await runCommand([large, '--verify-only'], { TARGET_DATABASE_URL: interruptedTarget.url })
    expect(verified.code, verified.stderr).toBe(0)
  })
})

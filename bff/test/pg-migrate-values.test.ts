import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/client'
import { copySqliteToPostgres, CopyRefused } from '../src/db/pg/copy-from-sqlite'
import { createTestDatabase, type TestDatabase } from './pg-helpers'

// migrate-to-postgres and the values a SQLite file can hold but PostgreSQL cannot (or would change): refused,
// naming the table, the row's primary key and the column, never the value (it may be personal data), with nothing
// copied. And values that must copy and verify as they are: JSON null, a genuine U+FFFD, rows of megabytes; and a
// server whose sessions are ended when idle in a transaction.

const SECRET = 'SECRET-张三'
let dir: string
let base: string
const databases: TestDatabase[] = []

async function newTarget() {
  const database = await createTestDatabase()
  databases.push(database)
  return database
}

/** A SQLite file of this platform (every migration applied) with `sql` run on it. */
function sqliteWith(name: string, sql: string): string {
  const file = path.join(dir, `${name}.db`)
  copyFileSync(base, file)
  const db = new Database(file)
  db.exec(sql)
  db.close()
  return file
}

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n)
  } finally {
    await client.end()
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pg-migrate-values-'))
  base = path.join(dir, 'base.db')
  openDatabase(base).sqlite.close()
})

afterAll(async () => {
  for (const database of databases) await database.drop()
  rmSync(dir, { recursive: true, force: true })
})

describe('migrate-to-postgres refuses values PostgreSQL cannot hold as they are', () => {
  const audit = (detail: string) =>
    `INSERT INTO audit_log (id, at, action, entity, detail) VALUES ('a-1', '2026-01-01T00:00:00Z', 'x', 'y', ${detail})`
  const cases: [string, string, RegExp][] = [
    [
      'NUL in text',
      `INSERT INTO districts (code, name, sort_order) VALUES ('d-1', '${SECRET}' || char(0) || 'b', 0)`,
      /^districts, the row with code = "d-1", column name: text with a NUL character/
    ],
    [
      'NUL escape in JSON',
      audit(`'{"note":"${SECRET}\\u0000"}'`),
      /^audit_log, the row with id = "a-1", column detail: JSON with a \\u0000 or an unpaired surrogate/
    ],
    [
      'unpaired surrogate escape in JSON',
      audit(`'{"note":"${SECRET}\\ud800"}'`),
      /^audit_log, the row with id = "a-1", column detail: JSON with a \\u0000 or an unpaired surrogate/
    ],
    [
      'integer past an integer column',
      "INSERT INTO districts (code, name, sort_order) VALUES ('d-1', 'n', 3000000000)",
      /^districts, the row with code = "d-1", column sort_order: an integer outside the range of an integer column/
    ],
    [
      "integer past JavaScript's exact range",
      "INSERT INTO failed_attempts (id, scope, subject, at) VALUES (9007199254740993, 's', 'x', 'now')",
      /^failed_attempts, the row with id = 9007199254740993, column id: an integer beyond JavaScript's exact range/
    ],
    [
      'text that is not UTF-8',
      `INSERT INTO districts (code, name, sort_order) VALUES ('d-1', CAST(X'${Buffer.from(SECRET).toString('hex')}FF42' AS TEXT), 0)`,
      /^districts, the row with code = "d-1", column name: text that is not valid UTF-8/
    ],
    [
      'text that is not UTF-8 in a table without a primary key',
      `PRAGMA foreign_keys = OFF;
       INSERT INTO import_job_errors (job_id, row, message) VALUES ('j-1', 3, 'fine' || char(65533));
       INSERT INTO import_job_errors (job_id, row, message)
         VALUES ('j-1', 4, CAST(X'${Buffer.from(SECRET).toString('hex')}FF' AS TEXT))`,
      /^import_job_errors, the row with SQLite's rowid = 2, column message: text that is not valid UTF-8/
    ],
    [
      'a blob in a text column',
      "INSERT INTO districts (code, name, sort_order) VALUES ('d-1', X'4142', 0)",
      /^districts, the row with code = "d-1", column name: a blob does not fit a text column/
    ]
  ]

  for (const [label, sql, message] of cases) {
    it(`refuses ${label}, naming the row but not the value; nothing copied`, async () => {
      const file = sqliteWith(label.replace(/\W+/g, '-'), sql)
      const target = await newTarget()
      const error = await copySqliteToPostgres(file, target.url).then(
        () => null,
        (failure: Error) => failure
      )
      expect(error).toBeInstanceOf(CopyRefused)
      expect(error!.message).toMatch(message)
      expect(error!.message).toMatch(/Nothing was copied \(rolled back\)/)
      expect(error!.message).not.toContain('SECRET')
      expect(error!.message).not.toContain('张三')
      // The migrations ran; the tables hold none of the copied rows (the stats roll-up rows of the migrations
      // included: there are none).
      for (const table of ['districts', 'audit_log', 'failed_attempts', 'import_job_errors', 'services'])
        expect([table, await count(target.url, table)]).toEqual([table, 0])
    })
  }
})

describe('migrate-to-postgres copies and verifies', () => {
  it('JSON null, a genuine U+FFFD and an escaped surrogate pair as they are, without a false mismatch', async () => {
    const file = sqliteWith(
      'json-null',
      `INSERT INTO audit_log (id, at, action, entity, detail) VALUES
         ('a-null', '2026-01-01T00:00:00Z', 'x', 'y', 'null'),
         ('a-pair', '2026-01-01T00:00:00Z', 'x', 'y', '{"smile":"\\ud83d\\ude00"}');
       INSERT INTO districts (code, name, sort_order) VALUES ('d-1', '替换' || char(65533) || '字符', 2147483647)`
    )
    const target = await newTarget()
    const report = await copySqliteToPostgres(file, target.url)
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    expect(report.checks.find((check) => check.table === 'audit_log')?.targetRows).toBe(2)
  })

  it('rows of megabytes each (50 rows × 2 MB), in batches of bounded size', async () => {
    const file = sqliteWith(
      'large-rows',
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
       INSERT INTO audit_log (id, at, action, entity, detail)
       SELECT printf('big-%02d', i), '2026-01-01T00:00:00Z', 'x', 'y', json_object('text', hex(zeroblob(1000000)))
       FROM n`
    )
    const target = await newTarget()
    const report = await copySqliteToPostgres(file, target.url)
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    const client = new pg.Client({ connectionString: target.url })
    await client.connect()
    try {
      const { rows } = await client.query<{ n: number; shortest: number }>(
        `SELECT count(*)::int AS n, min(length(detail->>'text'))::int AS shortest FROM audit_log`
      )
      expect(rows).toEqual([{ n: 50, shortest: 2_000_000 }])
    } finally {
      await client.end()
    }
  })

  it('into a database whose sessions end after 100 ms idle in a transaction', async () => {
    const file = sqliteWith(
      'idle-timeout',
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
       INSERT INTO audit_log (id, at, action, entity, detail)
       SELECT printf('a%07d', i), '2026-01-01T00:00:00Z', 'x', 'y', json_object('n', i, 'fields', json_array('a', 'b'))
       FROM n`
    )
    const target = await newTarget()
    const admin = new pg.Client({ connectionString: target.url })
    await admin.connect()
    await admin.query(`ALTER DATABASE ${target.name} SET idle_in_transaction_session_timeout = '100ms'`)
    await admin.end()

    const report = await copySqliteToPostgres(file, target.url)
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    expect(report.checks.find((check) => check.table === 'audit_log')?.targetRows).toBe(40_000)
  })
})

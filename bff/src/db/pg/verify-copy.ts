import type pg from 'pg'
import type { TablePlan } from './copy-plan'
import { quote, type SqliteSnapshot } from './copy-source'
import { canonicalFromPg, canonicalFromSqlite, RowChecksum, type SqliteValue } from './copy-values'

const FETCH_ROWS = 10_000
/**
 * Rows hashed between turns of the event loop, so that a Ctrl-C is handled at once: tsx (which runs the command in
 * development and in the tests) kills a child that has not acknowledged a signal within some tens of milliseconds.
 */
const YIELD_ROWS = 500

export interface TableCheck {
  table: string
  sourceRows: number
  targetRows: number
  sourceChecksum: string
  targetChecksum: string
  ok: boolean
}

/**
 * Reads both databases back, table by table in primary-key order, and compares row counts and sha256 checksums of
 * the canonical values. SQLite is read first, in the snapshot that was copied; PostgreSQL after the commit, in one
 * snapshot of its own, its transaction never left idle meanwhile (a server's idle_in_transaction_session_timeout
 * would end the session). Text keys are ordered bytewise on both sides (SQLite's BINARY, PostgreSQL's "C").
 */
export async function verifyCopy(client: pg.Client, snapshot: SqliteSnapshot, plans: TablePlan[]) {
  const sources: { rows: number; checksum: string }[] = []
  for (const plan of plans) {
    const source = await sqliteChecksum(snapshot, plan)
    sources.push({ rows: source.rows, checksum: source.digest() })
  }
  const checks: TableCheck[] = []
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    for (const [i, plan] of plans.entries()) {
      const source = sources[i]!
      const target = await postgresChecksum(client, plan)
      const targetChecksum = target.digest()
      checks.push({
        table: plan.name,
        sourceRows: source.rows,
        targetRows: target.rows,
        sourceChecksum: source.checksum,
        targetChecksum,
        ok: source.rows === target.rows && source.checksum === targetChecksum
      })
    }
  } finally {
    await client.query('ROLLBACK')
  }
  return checks
}

async function sqliteChecksum(snapshot: SqliteSnapshot, plan: TablePlan): Promise<RowChecksum> {
  const checksum = new RowChecksum()
  const names = plan.columns.map((column) => column.name)
  for (const row of snapshot.rows(plan.name, names, plan.orderBy) as Iterable<SqliteValue[]>) {
    checksum.add(plan.columns.map((column, i) => canonicalFromSqlite(column.kind, row[i] ?? null)))
    // Now and then the event loop runs: a signal (Ctrl-C) is handled, not held until the last table.
    if (checksum.rows % YIELD_ROWS === 0) await new Promise(setImmediate)
  }
  return checksum
}

async function postgresChecksum(client: pg.Client, plan: TablePlan): Promise<RowChecksum> {
  const checksum = new RowChecksum()
  const kindOf = new Map(plan.columns.map((column) => [column.name, column.kind]))
  const order = plan.orderBy
    .map((name) => `${quote(name)}${kindOf.get(name) === 'text' ? ' COLLATE "C"' : ''} NULLS FIRST`)
    .join(', ')
  // jsonb as its text: parsed by pg, a JSON null would read as SQL's NULL.
  const columns = plan.columns.map((column) => `${quote(column.name)}${column.kind === 'jsonb' ? '::text' : ''}`)
  const select = `SELECT ${columns.join(', ')} FROM ${quote(plan.name)}`
  await client.query(`DECLARE verify_rows NO SCROLL CURSOR FOR ${select} ORDER BY ${order}`)
  for (;;) {
    const batch = await client.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM verify_rows`, rowMode: 'array' })
    for (const row of batch.rows) {
      checksum.add(plan.columns.map((column, i) => canonicalFromPg(column.kind, row[i])))
      if (checksum.rows % YIELD_ROWS === 0) await new Promise(setImmediate)
    }
    if (batch.rows.length < FETCH_ROWS) break
  }
  await client.query('CLOSE verify_rows')
  return checksum
}

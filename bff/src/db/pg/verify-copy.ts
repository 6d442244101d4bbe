import type pg from 'pg'
import type { TablePlan } from './copy-plan'
import { quote, type SqliteSnapshot } from './copy-source'
import { canonicalFromPg, canonicalFromSqlite, RowChecksum, type SqliteValue } from './copy-values'

const FETCH_ROWS = 10_000

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
 * the canonical values. PostgreSQL is read after the commit, in one snapshot of its own; SQLite in the snapshot
 * that was copied. Text keys are ordered bytewise on both sides (SQLite's BINARY, PostgreSQL's "C").
 */
export async function verifyCopy(client: pg.Client, snapshot: SqliteSnapshot, plans: TablePlan[]) {
  const checks: TableCheck[] = []
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    for (const plan of plans) {
      const source = sqliteChecksum(snapshot, plan)
      const target = await postgresChecksum(client, plan)
      const sourceChecksum = source.digest()
      const targetChecksum = target.digest()
      checks.push({
        table: plan.name,
        sourceRows: source.rows,
        targetRows: target.rows,
        sourceChecksum,
        targetChecksum,
        ok: source.rows === target.rows && sourceChecksum === targetChecksum
      })
    }
  } finally {
    await client.query('ROLLBACK')
  }
  return checks
}

function sqliteChecksum(snapshot: SqliteSnapshot, plan: TablePlan): RowChecksum {
  const checksum = new RowChecksum()
  const names = plan.columns.map((column) => column.name)
  for (const row of snapshot.rows(plan.name, names, plan.orderBy) as Iterable<SqliteValue[]>) {
    checksum.add(plan.columns.map((column, i) => canonicalFromSqlite(column.kind, row[i] ?? null)))
  }
  return checksum
}

async function postgresChecksum(client: pg.Client, plan: TablePlan): Promise<RowChecksum> {
  const checksum = new RowChecksum()
  const kindOf = new Map(plan.columns.map((column) => [column.name, column.kind]))
  const order = plan.orderBy
    .map((name) => `${quote(name)}${kindOf.get(name) === 'text' ? ' COLLATE "C"' : ''} NULLS FIRST`)
    .join(', ')
  const select = `SELECT ${plan.columns.map((column) => quote(column.name)).join(', ')} FROM ${quote(plan.name)}`
  await client.query(`DECLARE verify_rows NO SCROLL CURSOR FOR ${select} ORDER BY ${order}`)
  for (;;) {
    const batch = await client.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM verify_rows`, rowMode: 'array' })
    for (const row of batch.rows) checksum.add(plan.columns.map((column, i) => canonicalFromPg(column.kind, row[i])))
    if (batch.rows.length < FETCH_ROWS) break
  }
  await client.query('CLOSE verify_rows')
  return checksum
}

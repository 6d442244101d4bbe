import pg from 'pg'
import type { Db } from '../../../db/client'
import { migratePostgres } from '../../../db/pg/migrate'
import { query } from '../../../db/query'
import { reindexAllPoliciesPostgres, type PgQueryable } from './postgres-index'
import { postgresSearchStore } from './postgres-store'
import type { SearchStore } from './store'

const BATCH = 200

/** Inserts rows read from SQLite into the PostgreSQL table of the same name and columns, in multi-row batches. */
async function copyRows(client: PgQueryable, table: string, rows: Record<string, unknown>[]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    const columns = Object.keys(batch[0]!)
    const values: unknown[] = []
    const tuples = batch.map((row) => {
      const places = columns.map((c) => `$${values.push(row[c])}`)
      return `(${places.join(', ')})`
    })
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values)
  }
}

/**
 * Copies the policies of a SQLite database (and, for the foreign keys, the few columns PostgreSQL requires of their
 * authors, approvers and repealers) into an empty PostgreSQL database migrated to the latest migration, then builds
 * its search index. For comparing search on both stores (tests, benchmarks) while the repositories run on SQLite
 * only; moving a deployment is scripts/migrate-to-postgres.ts.
 */
export async function mirrorPoliciesToPostgres(db: Db, client: PgQueryable): Promise<number> {
  const users = await query(
    db,
    `SELECT id, kind, role, display_name, created_at, updated_at FROM users WHERE id IN (
         SELECT author_id FROM policies UNION SELECT approver_id FROM policies UNION SELECT repealed_by FROM policies)`
  ).all()
  await copyRows(client, 'users', users)
  const select = query(db, 'SELECT * FROM policies WHERE search_rowid > ? ORDER BY search_rowid LIMIT 1000')
  for (let after = 0; ;) {
    const rows = await select.all(after)
    if (rows.length === 0) break
    await copyRows(client, 'policies', rows)
    after = rows[rows.length - 1]!.search_rowid as number
  }
  return reindexAllPoliciesPostgres(client)
}

export interface PostgresSearchMirror {
  pool: pg.Pool
  /** A store with caches of its own: a new one starts cold. */
  newStore(): SearchStore
  close(): Promise<void>
}

/** Migrates the PostgreSQL database at `connectionString`, mirrors the app's policies into it, and opens a pool. */
export async function openPostgresSearchMirror(db: Db, connectionString: string): Promise<PostgresSearchMirror> {
  await migratePostgres(connectionString)
  const pool = new pg.Pool({ connectionString, max: 4 })
  await mirrorPoliciesToPostgres(db, pool)
  return { pool, newStore: () => postgresSearchStore(pool), close: () => pool.end() }
}

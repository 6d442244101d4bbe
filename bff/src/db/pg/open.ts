import type pg from 'pg'
import { is } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from '../schema/index'
import type { Db } from '../client'
import { registerPostgres } from '../dialect'
import { migratePostgres } from './migrate'
import { openPool } from './pool'
import { useBooleanColumns } from './sql-text'

export interface OpenedPostgres {
  /** Typed as SQLite's handle: the repositories are written once against drizzle's builder and query(). */
  db: Db
  pool: pg.Pool
}

/** Applies pending migrations (once, however many instances start), then opens this instance's pool. */
export async function openPostgres(
  url: string,
  options: { poolSize: number; onError: (error: Error) => void }
): Promise<OpenedPostgres> {
  await migratePostgres(url)
  useBooleanColumns(booleanColumnNames())
  const pool = openPool(url, { max: options.poolSize, onError: options.onError })
  const db = drizzle(pool)
  registerPostgres(db, pool)
  return { db: db as unknown as Db, pool }
}

/** Columns SQLite keeps as 0/1 and PostgreSQL as booleans: hand-written SQL compares them with 0 or 1. */
function booleanColumnNames(): string[] {
  const names = new Set<string>()
  for (const table of Object.values(schema))
    if (is(table, SQLiteTable))
      for (const column of getTableConfig(table).columns)
        if (column.columnType === 'SQLiteBoolean') names.add(column.name)
  return [...names]
}

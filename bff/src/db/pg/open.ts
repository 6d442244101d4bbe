import type pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { Db } from '../client'
import { registerPostgres } from '../dialect'
import { migratePostgres } from './migrate'
import { openPool } from './pool'

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
  const pool = openPool(url, { max: options.poolSize, onError: options.onError })
  const db = drizzle(pool)
  registerPostgres(db, pool)
  return { db: db as unknown as Db, pool }
}

import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type { RunResult } from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { applyMigrations } from './migrate-sqlite'
import * as schema from './schema/index'

export type Db = BetterSQLite3Database<typeof schema>
/** The database or a transaction on it: repo helpers that run inside a caller's transaction take this. */
export type Conn = BaseSQLiteDatabase<'sync', RunResult, typeof schema>

export interface OpenedDatabase {
  sqlite: Database.Database
  db: Db
}

export interface OpenOptions {
  /** FULL (the default) syncs the WAL at every commit; group commit shares that one sync among many writes. */
  synchronous?: 'full' | 'normal'
}

/** Opens SQLite with the settings every connection needs, and applies pending migrations. */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  if (file !== ':memory:') switchToWal(sqlite)
  sqlite.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
  // Before the migrations: instances starting together on one file wait for each other's (db-concurrent-start test).
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('cache_size = -65536')
  sqlite.pragma('temp_store = MEMORY')
  const db = drizzle(sqlite, { schema })
  applyMigrations(sqlite)
  return { sqlite, db }
}

/**
 * WAL mode. Switching a new file needs it alone for a moment, and SQLite answers "database is locked" at once rather
 * than waiting, so instances opening a new file together take turns here (db-concurrent-start test).
 */
function switchToWal(sqlite: Database.Database) {
  const deadline = Date.now() + 5000
  for (;;) {
    try {
      if (sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal') return
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    }
    if (Date.now() > deadline) throw new Error(`could not switch ${sqlite.name} to WAL mode: it stays locked`)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
  }
}

export function clientOf(db: Db): Database.Database {
  return (db as Db & { $client: Database.Database }).$client
}

/** Memoises something built from a connection (prepared statements, say), once per connection. */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>()
  return (db) => {
    let value = built.get(db)
    if (value === undefined) built.set(db, (value = build(db)))
    return value
  }
}

const statementsOf = perConnection(() => new Map<string, Database.Statement>())

/**
 * A statement prepared once per connection and found again by its text. For hot paths: drizzle builds and
 * prepares its SQL on every call, which costs several times more than running a simple query.
 */
export function statement(db: Db, text: string): Database.Statement {
  const statements = statementsOf(db)
  let prepared = statements.get(text)
  if (!prepared) statements.set(text, (prepared = clientOf(db).prepare(text)))
  return prepared
}

const CHANGE_STAMP_SQL = "SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())"

/**
 * Changes whenever the database may have changed: any row this connection wrote (total_changes) or a commit by
 * another connection (data_version). Caches of query results keep their stamp and are right while it holds.
 */
export function changeStamp(db: Db): string {
  return statement(db, CHANGE_STAMP_SQL).pluck().get() as string
}

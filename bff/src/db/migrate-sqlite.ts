import type Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { MIGRATIONS_DIR } from '../paths'

// drizzle's SQLite migrator reads which migrations are applied before it opens its transaction, and opens it
// deferred: two instances starting on a new file together can both find nothing applied, and the second then runs
// the first migration again ("table already exists"). Here the check and the migrations are one BEGIN IMMEDIATE
// transaction: the second instance waits (busy_timeout) until the first has committed, then finds them applied.
// Same bookkeeping table and rows as drizzle's, so databases migrated by either carry on with the other.

const TABLE = '__drizzle_migrations'

/** Applies the migrations not yet recorded, all in one write transaction. */
export function applyMigrations(sqlite: Database.Database, folder = MIGRATIONS_DIR): void {
  const migrations = readMigrationFiles({ migrationsFolder: folder })
  sqlite.exec('BEGIN IMMEDIATE')
  try {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`)
    const last = sqlite.prepare(`SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`).pluck().get() as
      number | string | undefined
    const record = sqlite.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`)
    for (const migration of migrations) {
      if (last !== undefined && Number(last) >= migration.folderMillis) continue
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement)
      record.run(migration.hash, migration.folderMillis)
    }
    sqlite.exec('COMMIT')
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    throw error
  }
}

import Database from 'better-sqlite3'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { MIGRATIONS_DIR } from '../../paths'

/** The copy was refused before anything was written: the operator has something to fix first (exit code 2). */
export class CopyRefused extends Error {
  override name = 'CopyRefused'
}

/** A table of the SQLite file, as SQLite lists it. */
export interface SourceTable {
  name: string
  columns: string[]
}

export interface SkippedTable {
  name: string
  why: string
}

/**
 * The SQLite file, opened read-only, in one read transaction from the migrations check to the last checksum:
 * every read sees the same snapshot while a server still running on the file goes on writing (the server keeps its
 * file in WAL mode; on a file in rollback-journal mode, a backup say, writers would wait for the copy instead). This
 * rather than a backup copied to a temporary file first: no second copy of a large file on disk and no time spent
 * making it, the file is never written to, and the verification reads exactly what was copied. The server's
 * PASSIVE checkpoints never wait for this reader; its WAL only grows until the snapshot is released.
 * Writes the server commits after the snapshot are not in the copy: stop the server for the final run.
 */
export class SqliteSnapshot {
  private constructor(
    readonly file: string,
    private readonly db: Database.Database
  ) {}

  /** Opens `file` and takes the snapshot; refuses a missing file, a non-database, and unapplied migrations. */
  static open(file: string): SqliteSnapshot {
    if (!existsSync(file)) throw new CopyRefused(`There is no file ${file}`)
    if (!statSync(file).isFile()) throw new CopyRefused(`${file} is not a file`)
    let db: Database.Database
    try {
      db = new Database(file, { readonly: true, fileMustExist: true })
    } catch (error) {
      throw new CopyRefused(`${file} cannot be opened as a SQLite database: ${(error as Error).message}`)
    }
    try {
      db.pragma('busy_timeout = 5000')
      try {
        db.exec('BEGIN')
        // The snapshot begins with the transaction's first read.
        db.prepare('SELECT count(*) FROM sqlite_schema').get()
      } catch (error) {
        throw new CopyRefused(`${file} is not a SQLite database: ${(error as Error).message}`)
      }
      const snapshot = new SqliteSnapshot(file, db)
      snapshot.checkMigrations()
      return snapshot
    } catch (error) {
      db.close()
      throw error
    }
  }

  /** Every migration this version knows must be applied, and none newer: the PostgreSQL schema matches that. */
  private checkMigrations() {
    const hasTable = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get()
    if (!hasTable) throw new CopyRefused(`${this.file} is not a database of this platform (no migrations table)`)
    const latest = (
      this.db.prepare('SELECT max(created_at) AS latest FROM __drizzle_migrations').get() as {
        latest: number | null
      }
    ).latest
    if (latest === null) throw new CopyRefused(`${this.file} is not a database of this platform (no migrations)`)
    const journal = readMigrationJournal()
    const pending = journal.filter((entry) => entry.when > latest).map((entry) => entry.tag)
    if (pending.length > 0) {
      throw new CopyRefused(
        `${this.file} has migrations not applied yet (${pending.join(', ')}): start the server on it once with this ` +
          'version (it applies them), stop it, and run this again'
      )
    }
    if (latest > Math.max(...journal.map((entry) => entry.when)))
      throw new CopyRefused(`${this.file} was made by a newer version of the platform: migrate it with that version`)
  }

  /** The tables that hold data, and those passed over on purpose, with why. */
  tables(): { tables: SourceTable[]; skipped: SkippedTable[] } {
    const listed = this.db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as {
      name: string
      type: string
    }[]
    const tables: SourceTable[] = []
    const skipped: SkippedTable[] = []
    for (const { name, type } of listed.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (type === 'virtual') skipped.push({ name, why: 'SQLite full-text index (rebuilt on PostgreSQL)' })
      else if (type === 'shadow') skipped.push({ name, why: 'storage of a SQLite full-text index' })
      else if (type === 'view') skipped.push({ name, why: 'view (no data of its own)' })
      else if (name === '__drizzle_migrations') skipped.push({ name, why: "SQLite's migration record" })
      else if (name.startsWith('sqlite_')) skipped.push({ name, why: "SQLite's own bookkeeping" })
      else tables.push({ name, columns: this.columnsOf(name) })
    }
    return { tables, skipped }
  }

  private columnsOf(table: string): string[] {
    return (this.db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
      (column) => column.name
    )
  }

  /**
   * Rows of `columns`, raw values (integers as bigint), in `orderBy` order if given; with `withRowid`, SQLite's
   * rowid after them (a table without a primary key has one).
   */
  rows(table: string, columns: string[], orderBy: string[] = [], withRowid = false): IterableIterator<unknown[]> {
    const order = orderBy.length > 0 ? ` ORDER BY ${orderBy.map(quote).join(', ')}` : ''
    const selected = [...columns.map(quote), ...(withRowid ? ['_rowid_'] : [])]
    return this.db
      .prepare(`SELECT ${selected.join(', ')} FROM ${quote(table)}${order}`)
      .safeIntegers(true)
      .raw(true)
      .iterate() as IterableIterator<unknown[]>
  }

  /**
   * A text value's bytes as stored (better-sqlite3 reads invalid UTF-8 as U+FFFD), the row found by the values of
   * `keyColumns` (raw, as `rows` gives them); undefined when no such row is found.
   */
  storedBytes(table: string, column: string, keyColumns: string[], key: unknown[]): Buffer | undefined {
    const where = keyColumns.map((name) => `${quote(name)} = ?`).join(' AND ')
    const bytes = this.db
      .prepare(`SELECT CAST(${quote(column)} AS BLOB) FROM ${quote(table)} WHERE ${where}`)
      .safeIntegers(true)
      .pluck()
      .get(...key)
    return Buffer.isBuffer(bytes) ? bytes : undefined
  }

  /** The highest id SQLite's AUTOINCREMENT ever handed out in `table` (deleted rows' ids are never reused). */
  autoincrementHighWater(table: string): number {
    const hasSequence = this.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'").get()
    if (!hasSequence) return 0
    const row = this.db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as
      { seq: number } | undefined
    return row?.seq ?? 0
  }

  close() {
    if (this.db.inTransaction) this.db.exec('ROLLBACK')
    this.db.close()
  }
}

interface JournalEntry {
  tag: string
  when: number
}

function readMigrationJournal(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[]
  }
  return journal.entries
}

/** An identifier quoted for either dialect (the schema's names are plain snake_case). */
export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`
}

import Database from 'better-sqlite3'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync
} from 'node:fs'
import path from 'node:path'
import { MIGRATIONS_DIR } from '../paths'
import type { PiiVault } from '../lib/pii'

/** A restore refused or failed, with a message for the operator; nothing was changed. */
export class RestoreError extends Error {
  override name = 'RestoreError'
}

export interface RestoreResult {
  /** Where the database that was in place now is (null if there was none). */
  keptAside: string | null
  /** Migrations the backup has applied; the server applies any newer ones at start. */
  migrations: number
}

const SIDE_FILES = ['-wal', '-shm', '-journal']

/**
 * Puts the backup `backup` in place of the database `target`, with the server stopped. The backup must pass
 * `PRAGMA integrity_check`, be a database of this platform no newer than this code, and hold personal data this
 * PII key can read. The database in place is renamed aside, never deleted.
 */
export function restoreDatabase(backup: string, target: string, vault: PiiVault): RestoreResult {
  const migrations = checkBackup(backup, vault)
  const readable = existsSync(target) ? takeOver(target) : null
  mkdirSync(path.dirname(target), { recursive: true })

  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const incoming = `${target}.restoring-${stamp}`
  copyFileSync(backup, incoming)
  syncPath(incoming)
  let keptAside: string | null = null
  if (readable !== null) {
    keptAside = `${target}.before-restore-${stamp}`
    renameSync(target, keptAside)
    for (const suffix of SIDE_FILES) {
      if (!existsSync(target + suffix)) continue
      // Once folded into the file they are stale and would be read as part of the restored one: removed. A file
      // SQLite could not open keeps them beside it, as they were.
      if (readable) rmSync(target + suffix)
      else renameSync(target + suffix, keptAside + suffix)
    }
  }
  renameSync(incoming, target)
  syncPath(path.dirname(target))
  return { keptAside, migrations }
}

/** Checks the backup; returns how many migrations it has applied. */
function checkBackup(backup: string, vault: PiiVault): number {
  if (!existsSync(backup)) throw new RestoreError(`There is no file ${backup}`)
  let db: Database.Database
  try {
    db = new Database(backup, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new RestoreError(`${backup} cannot be opened: ${(error as Error).message}`)
  }
  try {
    const problems = readOrRefuse(backup, () =>
      (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check)
    )
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new RestoreError(`${backup} fails its integrity check: ${problems.slice(0, 5).join('; ')}`)

    const hasMigrations = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get()
    if (!hasMigrations) throw new RestoreError(`${backup} is not a database of this platform (no migrations table)`)
    const applied = db
      .prepare('SELECT count(*) AS count, max(created_at) AS latest FROM __drizzle_migrations')
      .get() as {
      count: number
      latest: number | null
    }
    if (applied.count === 0) throw new RestoreError(`${backup} is not a database of this platform (no migrations)`)
    if ((applied.latest ?? 0) > latestKnownMigration())
      throw new RestoreError(`${backup} was made by a newer version of the platform: restore it with that version`)

    checkPersonalDataKey(db, backup, vault)
    return applied.count
  } finally {
    db.close()
  }
}

function readOrRefuse<T>(backup: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    throw new RestoreError(`${backup} is not a readable database: ${(error as Error).message}`)
  }
}

/** The key must read the backup's ID numbers and phones, or restoring it would leave them unreadable for good. */
function checkPersonalDataKey(db: Database.Database, backup: string, vault: PiiVault) {
  const sealed = db
    .prepare(
      `SELECT id_number_enc AS value FROM (SELECT id_number_enc FROM veterans LIMIT 1)
       UNION ALL SELECT phone_enc FROM (SELECT phone_enc FROM users WHERE phone_enc IS NOT NULL LIMIT 1)`
    )
    .pluck()
    .all() as string[]
  for (const value of sealed) {
    try {
      vault.decrypt(value)
    } catch {
      throw new RestoreError(
        `${backup} holds personal data encrypted with another PII_KEY: run the restore with the key it was made with`
      )
    }
  }
}

function latestKnownMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[]
  }
  return Math.max(...journal.entries.map((entry) => entry.when))
}

/**
 * Makes sure no server has the database open, and folds its WAL into the file so that the copy kept aside is whole.
 * Every connection to a WAL database holds a shared lock on the file for as long as it is open, idle or not, and
 * leaving WAL mode needs an exclusive one: so `journal_mode = DELETE` fails with SQLITE_BUSY while a server (or
 * its checkpointer, or anyone) has it open. BEGIN EXCLUSIVE would not do: in WAL mode it does not wait for readers.
 * Returns false if it is not a database SQLite can open (a damaged database is what a restore is for).
 */
function takeOver(target: string): boolean {
  // Not opened at all without SQLite's header: closing it would delete its -wal and -shm, which are kept instead.
  if (!hasSqliteHeader(target)) return false
  const db = new Database(target, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('journal_mode = DELETE')
    return true
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new RestoreError(`${target} is in use: stop the server (and anything else that has it open) first`)
    return false
  } finally {
    db.close()
  }
}

function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  return header.toString('latin1') === 'SQLite format 3\0'
}

function syncPath(file: string) {
  const fd = openSync(file, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../src/db/backup'
import { restoreDatabase } from '../src/db/restore'
import { PiiVault } from '../src/lib/pii'
import { buildTestApp, testConfig } from '../src/testing/index'
import { readDatabase } from './db-backup-helpers'

// What restore refuses, before it changes anything, and what it keeps of the database it replaces.

const root = mkdtempSync(path.join(tmpdir(), 'veterans-restore-'))
const vault = new PiiVault(testConfig().piiKey)
/** A sound backup of a demo database, made once. */
const goodBackup = path.join(root, 'good.db')
let dir: string
let target: string

beforeAll(async () => {
  const source = path.join(root, 'source', 'veterans.db')
  const app = await buildTestApp({ DATABASE_URL: `file:${source}` })
  await app.close()
  await backupDatabase(source, goodBackup)
}, 60_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))
beforeEach((context) => {
  dir = path.join(root, context.task.id)
  mkdirSync(dir)
  target = path.join(dir, 'veterans.db')
})

/** A copy of the good backup changed by `change`. */
function alteredBackup(change: (db: Database.Database) => void): string {
  const file = path.join(dir, 'altered.db')
  writeFileSync(file, readFileSync(goodBackup))
  const db = new Database(file)
  change(db)
  db.close()
  return file
}

describe('restore refuses, and changes nothing', () => {
  it('a file that is not there, or not a database', () => {
    expect(() => restoreDatabase(path.join(dir, 'missing.db'), target, vault)).toThrow(/There is no file/)
    const junk = path.join(dir, 'junk.db')
    writeFileSync(junk, 'this is not a database, just text long enough to have a header '.repeat(100))
    expect(() => restoreDatabase(junk, target, vault)).toThrow(/not a readable database|cannot be opened/)
    expect(existsSync(target)).toBe(false)
  })

  it('a database that is not this platform’s', () => {
    const other = path.join(dir, 'other.db')
    const db = new Database(other)
    db.exec('CREATE TABLE notes (body TEXT)')
    db.close()
    expect(() => restoreDatabase(other, target, vault)).toThrow(/not a database of this platform/)
  })

  it('a damaged database', () => {
    // Bytes overwritten in the middle of the name index's first page, as a failing disk leaves them.
    const damaged = path.join(dir, 'damaged.db')
    const bytes = readFileSync(goodBackup)
    const { pageSize, rootPage } = readDatabase(goodBackup, (db) => ({
      pageSize: db.pragma('page_size', { simple: true }) as number,
      rootPage: db
        .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'veterans_name_idx'")
        .pluck()
        .get() as number
    }))
    bytes.fill(0xa5, (rootPage - 1) * pageSize + pageSize / 2, rootPage * pageSize)
    writeFileSync(damaged, bytes)
    expect(() => restoreDatabase(damaged, target, vault)).toThrow(
      /fails its integrity check|is not a readable database/
    )
  })

  it('a backup made by a newer version', () => {
    const newer = alteredBackup((db) =>
      db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 1e12)
    )
    expect(() => restoreDatabase(newer, target, vault)).toThrow(/made by a newer version/)
  })

  it('a backup whose personal data another PII_KEY encrypted', () => {
    const otherKey = new PiiVault(Buffer.alloc(32, 7))
    expect(() => restoreDatabase(goodBackup, target, otherKey)).toThrow(/encrypted with another PII_KEY/)
    expect(existsSync(target)).toBe(false)
  })

  it('while an app has the database open', async () => {
    const app = await buildTestApp({ DATABASE_URL: `file:${target}`, SEED: 'none' })
    try {
      expect(() => restoreDatabase(goodBackup, target, vault)).toThrow(/is in use: stop the server/)
      expect(readdirSync(dir).sort()).toEqual(['veterans.db', 'veterans.db-shm', 'veterans.db-wal'])
    } finally {
      await app.close()
    }
  })
})

describe('restore keeps the database it replaces', () => {
  it('with its last commits, when the server died without closing it', () => {
    // A WAL holding commits not yet in the file, as a killed server leaves it.
    const crashed = new Database(target)
    crashed.pragma('journal_mode = WAL')
    crashed.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('写在崩溃之前')")
    const walBytes = readFileSync(`${target}-wal`)
    const mainBytes = readFileSync(target)
    crashed.close()
    writeFileSync(target, mainBytes)
    writeFileSync(`${target}-wal`, walBytes)

    const { keptAside } = restoreDatabase(goodBackup, target, vault)
    expect(readdirSync(dir).sort()).toEqual([path.basename(target), path.basename(keptAside!)].sort())
    const kept = new Database(keptAside!, { readonly: true })
    expect(kept.prepare('SELECT body FROM notes').pluck().all()).toEqual(['写在崩溃之前'])
    kept.close()
  })

  it('as it was, -wal and -shm beside it, when SQLite cannot open it', () => {
    writeFileSync(target, 'garbage where the database was '.repeat(200))
    writeFileSync(`${target}-wal`, 'old wal')
    writeFileSync(`${target}-shm`, 'old shm')
    const { keptAside } = restoreDatabase(goodBackup, target, vault)
    expect(readFileSync(keptAside!, 'utf8')).toMatch(/^garbage/)
    expect(readFileSync(`${keptAside}-wal`, 'utf8')).toBe('old wal')
    expect(existsSync(`${target}-wal`)).toBe(false)
    const restored = new Database(target, { readonly: true })
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok')
    restored.close()
  })
})

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { beijingInstant } from '@veterans/shared/rules'
import { backupDatabase } from '../src/db/backup'
import { buildTestApp, DEMO_VETERANS } from '../src/testing/index'
import { readDatabase } from './db-backup-helpers'

// The daily backup inside the server, on the app's clock: its hour, once a day, never two at once, retention of
// its own files only, a log line without personal data.

const root = mkdtempSync(path.join(tmpdir(), 'veterans-daily-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

let dir: string
let backups: string
beforeEach((context) => {
  dir = path.join(root, context.task.id)
  backups = path.join(dir, 'backups')
  mkdirSync(dir)
})

/** An app on a database file whose clock reads `at()`, its log lines kept. */
async function appAt(at: () => number, overrides: Record<string, string> = {}) {
  const lines: string[] = []
  const app = await buildTestApp(
    { DATABASE_URL: `file:${path.join(dir, 'veterans.db')}`, LOG_LEVEL: 'info', ...overrides },
    { clock: at, logStream: { write: (line) => lines.push(line) } }
  )
  return { app, lines }
}

const at = (date: string, time: string) => Date.parse(beijingInstant(date, time))

describe('daily backup', () => {
  it('is taken within BACKUP_HOUR (Beijing time), once a day, into backups/ beside the database', async () => {
    let now = at('2026-12-05', '02:59')
    const { app, lines } = await appAt(() => now)
    try {
      expect(await app.backups.runDue()).toBeNull()
      expect(existsSync(backups)).toBe(false)

      now = at('2026-12-05', '03:00')
      const taken = await app.backups.runDue()
      expect(taken).toMatchObject({ file: path.join(backups, 'daily-2026-12-05.db'), removed: [] })
      expect(readDatabase(taken!.file, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok')

      now = at('2026-12-05', '03:40')
      expect(await app.backups.runDue()).toBeNull()
      // Past its hour a missed day is not made up: a copy never starts at a busy time of day.
      now = at('2026-12-06', '09:00')
      expect(await app.backups.runDue()).toBeNull()
      expect(readdirSync(backups)).toEqual(['daily-2026-12-05.db'])

      const logged = lines.filter((line) => line.includes('daily backup written'))
      expect(logged).toHaveLength(1)
      expect(JSON.parse(logged[0]!).backup).toMatchObject({ file: 'daily-2026-12-05.db', bytes: taken!.bytes })
      for (const text of [DEMO_VETERANS.wangJianguo.name, DEMO_VETERANS.wangJianguo.idNumber, '13800138000'])
        expect(lines.join('\n')).not.toContain(text)
    } finally {
      await app.close()
    }
  })

  it('runs one backup at a time: calls while it runs wait for it', async () => {
    const { app } = await appAt(() => at('2026-12-05', '03:10'))
    try {
      const [first, second] = await Promise.all([app.backups.runDue(), app.backups.runDue()])
      expect(first).not.toBeNull()
      expect(second).toBe(first)
      expect(readdirSync(backups)).toEqual(['daily-2026-12-05.db'])
    } finally {
      await app.close()
    }
  })

  it('keeps BACKUP_KEEP_DAYS days of its own backups and touches no other file', async () => {
    mkdirSync(backups)
    const others = [
      'manual-2020-01-01.db',
      'daily-2020-01-01.db.keep',
      'daily-notes.txt',
      'veterans.db',
      'daily-2026-12-01.db.partial-0a1b'
    ]
    const dailies = ['2026-11-20', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) => `daily-${d}.db`)
    for (const name of [...others, ...dailies]) writeFileSync(path.join(backups, name), 'not a database')
    // A partial copy older than a day is what a process that died mid-backup left: it goes too.
    writeFileSync(path.join(backups, 'daily-2026-11-30.db.partial-9f9f'), 'half')
    const twoDaysAgo = (Date.now() - 2 * 24 * 3_600_000) / 1000
    utimesSync(path.join(backups, 'daily-2026-11-30.db.partial-9f9f'), twoDaysAgo, twoDaysAgo)

    const { app } = await appAt(() => at('2026-12-05', '03:00'), { BACKUP_KEEP_DAYS: '3' })
    try {
      const taken = await app.backups.runDue()
      expect(taken?.removed).toEqual([
        'daily-2026-11-20.db',
        'daily-2026-11-30.db.partial-9f9f',
        'daily-2026-12-01.db',
        'daily-2026-12-02.db'
      ])
      expect(readdirSync(backups).sort()).toEqual(
        [...others, 'daily-2026-12-03.db', 'daily-2026-12-04.db', 'daily-2026-12-05.db'].sort()
      )
    } finally {
      await app.close()
    }
  })

  it('keeps every old backup while backups fail, and tries again ten minutes later, not every minute', async () => {
    mkdirSync(backups)
    writeFileSync(path.join(backups, 'daily-2026-11-01.db'), 'old')
    let now = at('2026-12-05', '03:00')
    const { app, lines } = await appAt(() => now, { SEED: 'none' })
    try {
      // Something that makes the copy fail: the file under the server's name is no longer a database. (Not simply
      // removed: a connection opening it afterwards, the checkpointer's, would create an empty one.)
      for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dir, `veterans.db${suffix}`), { force: true })
      writeFileSync(path.join(dir, 'veterans.db'), 'not a database any more '.repeat(300))
      await expect(app.backups.runDue()).rejects.toThrow(/not a database/)
      expect(readdirSync(backups)).toEqual(['daily-2026-11-01.db'])
      now = at('2026-12-05', '03:09')
      expect(await app.backups.runDue()).toBeNull()
      now = at('2026-12-05', '03:10')
      await expect(app.backups.runDue()).rejects.toThrow(/not a database/)
      expect(readdirSync(backups)).toEqual(['daily-2026-11-01.db'])
      expect(lines.some((line) => line.includes('daily backup written'))).toBe(false)
    } finally {
      await app.close()
    }
  })

  it('is abandoned when the server stops, leaving no file behind', async () => {
    const { app } = await appAt(() => at('2026-12-05', '03:00'), { SEED: 'none' })
    await app.close()
    mkdirSync(backups)
    const stopping = new AbortController()
    const copying = backupDatabase(
      path.join(dir, 'veterans.db'),
      path.join(backups, 'daily-2026-12-05.db'),
      stopping.signal
    )
    stopping.abort()
    await expect(copying).rejects.toThrow(/abandoned/)
    expect(readdirSync(backups)).toEqual([])
  })

  it('is off for an in-memory database and with BACKUP_HOUR=off', async () => {
    const memory = await buildTestApp({ SEED: 'none' }, { clock: () => at('2026-12-05', '03:00') })
    try {
      expect(memory.config.dailyBackup).toBeNull()
      expect(await memory.backups.runDue()).toBeNull()
    } finally {
      await memory.close()
    }
    const { app } = await appAt(() => at('2026-12-05', '03:00'), { BACKUP_HOUR: 'off', SEED: 'none' })
    try {
      expect(await app.backups.runDue()).toBeNull()
      expect(existsSync(backups)).toBe(false)
    } finally {
      await app.close()
    }
  })
})

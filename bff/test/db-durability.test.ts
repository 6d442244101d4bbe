import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config'
import { buildTestApp, testEnv } from '../src/testing/index'

// What an acknowledged write survives depends on SQLite's `synchronous` on the app's connection: FULL (2) by
// default syncs the WAL at every commit (a power cut loses nothing acknowledged); DB_SYNCHRONOUS=normal (1) does not.

const dir = mkdtempSync(path.join(tmpdir(), 'veterans-durability-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function synchronousOf(overrides: Record<string, string>) {
  const app = await buildTestApp({ DATABASE_URL: `file:${path.join(dir, 'veterans.db')}`, SEED: 'none', ...overrides })
  try {
    return {
      synchronous: app.sqlite.pragma('synchronous', { simple: true }),
      journalMode: app.sqlite.pragma('journal_mode', { simple: true })
    }
  } finally {
    await app.close()
  }
}

function problemsOf(overrides: Record<string, string>): string {
  try {
    loadConfig(testEnv(overrides))
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems.join('\n')
  }
  return expect.fail('the configuration was accepted')
}

describe('durability settings', () => {
  it('syncs every commit (synchronous = FULL) by default, in WAL mode', async () => {
    expect(await synchronousOf({})).toEqual({ synchronous: 2, journalMode: 'wal' })
  })

  it('takes DB_SYNCHRONOUS=normal (synchronous = NORMAL), in any case of letters', async () => {
    expect(await synchronousOf({ DB_SYNCHRONOUS: 'normal' })).toEqual({ synchronous: 1, journalMode: 'wal' })
    expect(await synchronousOf({ DB_SYNCHRONOUS: 'FULL' })).toEqual({ synchronous: 2, journalMode: 'wal' })
  })

  it('refuses other values, naming the variable', () => {
    expect(problemsOf({ DB_SYNCHRONOUS: 'off' })).toMatch(/DB_SYNCHRONOUS must be "full" or "normal", got "off"/)
  })
})

describe('backup settings', () => {
  const onFile = { DATABASE_URL: `file:${path.join(dir, 'data', 'veterans.db')}` }

  it('back up daily at 03:00 Beijing time into backups/ beside the database, kept 7 days, by default', () => {
    expect(loadConfig(testEnv(onFile)).dailyBackup).toEqual({
      dir: path.join(dir, 'data', 'backups'),
      hour: 3,
      keepDays: 7
    })
    const chosen = { ...onFile, BACKUP_DIR: path.join(dir, 'elsewhere'), BACKUP_HOUR: '23', BACKUP_KEEP_DAYS: '30' }
    expect(loadConfig(testEnv(chosen)).dailyBackup).toEqual({
      dir: path.join(dir, 'elsewhere'),
      hour: 23,
      keepDays: 30
    })
    expect(loadConfig(testEnv({ ...onFile, BACKUP_HOUR: 'off' })).dailyBackup).toBeNull()
  })

  it('refuses hours and retention that make no sense, naming each variable', () => {
    for (const hour of ['24', '-1', '3am', '1.5', ''])
      expect(problemsOf({ ...onFile, BACKUP_HOUR: hour })).toMatch(/^BACKUP_HOUR must be an hour of the day/)
    for (const days of ['0', '-3', 'week', '2.5'])
      expect(problemsOf({ ...onFile, BACKUP_KEEP_DAYS: days })).toMatch(/^BACKUP_KEEP_DAYS must be a whole number/)
    // Every problem at once, as for the other variables.
    const both = problemsOf({ ...onFile, BACKUP_HOUR: '25', BACKUP_KEEP_DAYS: '0', DB_SYNCHRONOUS: 'extra' })
    expect(both.split('\n')).toHaveLength(3)
  })
})

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { backupDatabase } from '../src/db/backup'
import { buildTestApp, DEMO_VETERANS, signInStaff, signInWechat, testEnv } from '../src/testing/index'
import { bytesContain, readDatabase, runScript, startWriting, type Acknowledged } from './db-backup-helpers'

// Online backup while the app takes writes, and a restore from it that a new app starts on: real files in a
// temporary folder, the backup and restore commands run as an operator runs them.

const dir = mkdtempSync(path.join(tmpdir(), 'veterans-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const databaseFile = path.join(dir, 'veterans.db')
const env = { DATABASE_URL: `file:${databaseFile}` }
const scriptEnv = Object.fromEntries(Object.entries(testEnv(env)).filter((e): e is [string, string] => !!e[1]))
const WANG = { ...DEMO_VETERANS.wangJianguo, phone: '13800138000' }

describe('backup while the app takes writes, then restore', () => {
  const backupFile = path.join(dir, 'online.db')
  let before: { bookings: Acknowledged[]; messages: Acknowledged[] }
  let later: Acknowledged[]

  it('copies a consistent snapshot holding every booking and message acknowledged before it started', async () => {
    const app = await buildTestApp(env)
    try {
      const writing = await startWriting(app, await signInStaff(app, 'admin'))
      while (writing.bookings.length < 40) await new Promise((resolve) => setTimeout(resolve, 5))

      const startedAt = performance.now()
      before = { bookings: [...writing.bookings], messages: [...writing.messages] }
      const result = await backupDatabase(databaseFile, backupFile)
      const endedAt = performance.now()
      console.log(
        `backup ${result.bytes} bytes in ${result.ms} ms; writes acknowledged so far ${writing.bookings.length} + ${writing.messages.length}`
      )
      await writing.stop()
      expect(writing.failures).toEqual([])
      // The writes really went on during the copy: otherwise this test would show nothing about it.
      const during = [...writing.bookings, ...writing.messages].filter((w) => w.at > startedAt && w.at < endedAt)
      expect(during.length).toBeGreaterThan(0)
      later = [...writing.bookings.filter((b) => b.at > endedAt), ...(await writing.bookMore())]
      expect(result.bytes).toBeGreaterThan(0)

      const copy = readDatabase(backupFile, (db) => ({
        integrity: db.pragma('integrity_check', { simple: true }),
        bookings: new Set(db.prepare('SELECT id FROM bookings').pluck().all()),
        messages: new Set(db.prepare('SELECT id FROM thread_messages').pluck().all()),
        // A torn copy would show slots whose count of places disagrees with their bookings.
        slotsOutOfStep: db
          .prepare(
            `SELECT count(*) FROM slots s
              WHERE s.booked <> (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status <> 'cancelled')`
          )
          .pluck()
          .get()
      }))
      expect(copy.integrity).toBe('ok')
      expect(before.bookings.filter((b) => !copy.bookings.has(b.id))).toEqual([])
      expect(before.messages.filter((m) => !copy.messages.has(m.id))).toEqual([])
      expect(copy.slotsOutOfStep).toBe(0)
      // The temporary file the copy was written under is gone.
      expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([])
    } finally {
      await app.close()
    }
  }, 120_000)

  it('holds ID numbers and phones only encrypted, as the database does (names are stored in clear in both)', async () => {
    for (const file of [backupFile, databaseFile]) {
      expect(bytesContain(file, WANG.idNumber), file).toBe(false)
      expect(bytesContain(file, WANG.phone), file).toBe(false)
      // The same search finds text that is there: the two checks above could fail.
      expect(bytesContain(file, WANG.name), file).toBe(true)
    }
  })

  it('refuses to restore while an app has the database open, and changes nothing', async () => {
    const app = await buildTestApp({ ...env, SEED: 'none' })
    try {
      const refused = await runScript('restore', [backupFile], scriptEnv)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/is in use: stop the server/)
      expect(refused.stderr).not.toMatch(/\n\s+at /)
      const answered = await app.inject({ method: 'GET', url: '/api/v1/centers' })
      expect(answered.statusCode).toBe(200)
    } finally {
      await app.close()
    }
    expect(readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([])
  }, 60_000)

  it('restores with the server stopped: a new app on it has the data and answers', async () => {
    const restored = await runScript('restore', [backupFile], scriptEnv)
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    const keptAside = readdirSync(dir).filter((name) => name.startsWith('veterans.db.before-restore-'))
    expect(keptAside).toHaveLength(1)
    expect(restored.stdout).toContain(keptAside[0])
    // The replaced database's WAL was folded into the copy kept aside, which holds every commit; none is left over.
    expect(existsSync(`${databaseFile}-wal`)).toBe(false)
    const aside = readDatabase(path.join(dir, keptAside[0]!), (db) =>
      db.prepare('SELECT id FROM bookings').pluck().all()
    )
    expect(aside).toEqual(expect.arrayContaining(later.map((b) => b.id)))

    const app = await buildTestApp({ ...env, SEED: 'none' })
    try {
      // Each booking as its veteran sees it: those acknowledged before the backup are there, the later ones are not.
      const status = async (booking: Acknowledged) => {
        const owner = await signInWechat(app, booking.owner)
        return (await owner.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}` })).statusCode
      }
      for (const booking of before.bookings) expect(await status(booking), booking.id).toBe(200)
      for (const booking of later) expect(await status(booking), booking.id).toBe(404)

      // Personal data is readable with the same key: staff open the demo record's full ID number.
      const admin = await signInStaff(app, 'admin')
      const records = await admin.request({
        method: 'GET',
        url: `/api/v1/staff/veterans?q=${encodeURIComponent(WANG.name)}`
      })
      expect(records.statusCode, records.body).toBe(200)
      const record = (records.json().items as { id: string; name: string }[]).find((r) => r.name === WANG.name)!
      const pii = await admin.request({
        method: 'GET',
        url: `/api/v1/staff/veterans/${record.id}/pii?reason=restore-check`
      })
      expect(pii.statusCode, pii.body).toBe(200)
      expect(pii.json()).toMatchObject({ idNumber: WANG.idNumber })
    } finally {
      await app.close()
    }
  }, 60_000)
})

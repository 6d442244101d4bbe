import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { signInWechat, type Session } from '../src/testing/index'
import { book, catalog, createSlot, createVeterans, DONGHU } from './booking-helpers'
import { ask, write } from './messaging-helpers'

// Shared steps of the backup tests: a stream of bookings and messages through the API, reading a backup file as
// SQLite and as raw bytes, and the backup and restore commands run as an operator runs them.

const BFF_ROOT = path.resolve(import.meta.dirname, '..')

export interface Acknowledged {
  id: string
  /** performance.now() when the 201 arrived. */
  at: number
  /** Who wrote it: signs in again as WeChat `backup-<owner>` (bookings) or `zhangmin` (messages). */
  owner: string
}

/**
 * Veterans booking a set of slots one after the other, and a resident posting to a thread, until stop(): every
 * acknowledged (201) booking and message with the time its answer came.
 */
export async function startWriting(app: FastifyInstance, admin: Session, veteranCount = 30) {
  const cat = await catalog(admin)
  const staff = admin
  const resident = await signInWechat(app, 'zhangmin')
  const veterans = await createVeterans(app, admin, 'backup', veteranCount)
  const services = ['employment', 'records', 'education', 'counselling', 'legal_aid', 'hardship_aid']
  // One slot per service, each at its own evening hour: a veteran may book all of them (no TIME_CONFLICT).
  const slots: { id: string }[] = []
  for (const [i, code] of services.entries()) {
    const slot = await createSlot(staff, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service(code),
      startsInMinutes: 5 * 24 * 60 + i * 60,
      capacity: veteranCount
    })
    slots.push(slot)
  }
  const thread = await ask(resident)

  const bookings: Acknowledged[] = []
  const messages: Acknowledged[] = []
  const failures: string[] = []
  let stopped = false
  const bookingLoops = veterans.map(async (veteran, i) => {
    for (const slot of slots) {
      if (stopped) return
      const response = await book(veteran, { slotId: slot.id })
      if (response.statusCode === 201)
        bookings.push({ id: response.json().id, at: performance.now(), owner: `backup-${i}` })
      else failures.push(`booking ${response.statusCode} ${response.body}`)
    }
  })
  const messageLoop = (async () => {
    for (let n = 0; !stopped; n++) {
      const response = await write(resident, thread.id, `备份期间的留言 ${n}`)
      if (response.statusCode === 201)
        messages.push({ id: response.json().id, at: performance.now(), owner: 'zhangmin' })
      else failures.push(`message ${response.statusCode} ${response.body}`)
    }
  })()
  return {
    bookings,
    messages,
    failures,
    threadId: thread.id,
    async stop() {
      stopped = true
      await Promise.all([...bookingLoops, messageLoop])
    },
    /** Once stopped: a few bookings more, on a slot of another service. */
    async bookMore(count = 10): Promise<Acknowledged[]> {
      const slot = await createSlot(staff, {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('entitlement'),
        startsInMinutes: 6 * 24 * 60,
        capacity: count
      })
      const made: Acknowledged[] = []
      for (const [i, veteran] of veterans.slice(0, count).entries()) {
        const response = await book(veteran, { slotId: slot.id })
        if (response.statusCode !== 201) throw new Error(`booking ${response.statusCode} ${response.body}`)
        made.push({ id: response.json().id, at: performance.now(), owner: `backup-${i}` })
      }
      return made
    }
  }
}

/** Reads a database file (a backup) with a connection of its own; closed when `read` returns. */
export function readDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

/** Whether the file's raw bytes hold the text (UTF-8, SQLite's encoding here). */
export function bytesContain(file: string, text: string): boolean {
  return readFileSync(file).includes(Buffer.from(text, 'utf8'))
}

/**
 * Runs `pnpm --filter @veterans/bff <script>` with this environment: its source with tsx, in bff/ (the script line runs
 * the same file as built into dist/, which tests do not wait for).
 */
export function runScript(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(BFF_ROOT, 'scripts', `${script}.ts`), ...args],
      { cwd: BFF_ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })
}

// What the tests check in the database itself, opened read-only with the BFF's own SQLite driver: that each
// acknowledged write is there by id, and that nothing is half-written (places counted in step, threads numbered
// without gaps, no idempotency key claimed without its answer, the file's own integrity).
import { createRequire } from 'node:module'

interface Statement {
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}
export interface ReadOnlyDb {
  prepare(sql: string): Statement
  pragma(sql: string, options?: { simple: boolean }): unknown
  close(): void
}
type DatabaseConstructor = new (file: string, options: { readonly?: boolean; fileMustExist: boolean }) => ReadOnlyDb

const bffRequire = createRequire(createRequire(import.meta.url).resolve('@veterans/bff'))
const Database = bffRequire('better-sqlite3') as DatabaseConstructor

export function openReadOnly(file: string): ReadOnlyDb {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return db
}

/**
 * Copies the WAL into the database and truncates it to nothing, from a connection of the test's own. After it,
 * the server's next commit must grow the WAL file: on a full disk, that write fails for sure (otherwise a commit
 * could still fit in the space an earlier, longer WAL left allocated).
 */
export function checkpointTruncate(file: string) {
  const db = new Database(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    if (result?.busy !== 0) throw new Error('the WAL could not be checkpointed: the database was busy')
  } finally {
    db.close()
  }
}

export function integrityCheck(db: ReadOnlyDb): string {
  return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .join('; ')
}

export interface HalfWritten {
  /** Slots with more places taken than they have. */
  overbooked: number
  /** Slots whose `booked` differs from the bookings holding a place in them. */
  outOfStep: number
  /** Threads whose visible messages are not numbered 1…last_seq exactly once each. */
  threadsWithGaps: number
  /** Idempotency keys claimed without the answer a retry would get. */
  keysWithoutAnswer: number
}

export function halfWritten(db: ReadOnlyDb): HalfWritten {
  const slots = db
    .prepare(
      `SELECT sum(s.booked > s.capacity) AS overbooked,
              sum(s.booked <> (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status <> 'cancelled')) AS outOfStep
         FROM slots s`
    )
    .get() as { overbooked: number; outOfStep: number }
  const threads = db
    .prepare(
      `SELECT count(*) AS n FROM threads t
        WHERE t.last_seq <> (SELECT count(*) FROM thread_messages m WHERE m.thread_id = t.id AND m.seq IS NOT NULL)
           OR t.last_seq <> coalesce((SELECT max(seq) FROM thread_messages m WHERE m.thread_id = t.id), 0)`
    )
    .get() as { n: number }
  const keys = db
    .prepare('SELECT count(*) AS n FROM idempotency_keys WHERE status_code IS NULL OR response_body IS NULL')
    .get() as { n: number }
  return {
    overbooked: slots.overbooked ?? 0,
    outOfStep: slots.outOfStep ?? 0,
    threadsWithGaps: threads.n,
    keysWithoutAnswer: keys.n
  }
}

/** Booking rows by id: their status, slot and veteran's account. */
export function bookingsById(db: ReadOnlyDb, ids: string[]) {
  const statement = db.prepare(
    'SELECT id, status, slot_id AS slotId, booked_by_user_id AS userId FROM bookings WHERE id = ?'
  )
  const found = new Map<string, { status: string; slotId: string; userId: string }>()
  for (const id of ids) {
    const row = statement.get(id) as { id: string; status: string; slotId: string; userId: string } | undefined
    if (row) found.set(id, row)
  }
  return found
}

/** Message rows by id: their thread, seq and body. */
export function messagesById(db: ReadOnlyDb, ids: string[]) {
  const statement = db.prepare('SELECT id, thread_id AS threadId, seq, body FROM thread_messages WHERE id = ?')
  const found = new Map<string, { threadId: string; seq: number | null; body: string }>()
  for (const id of ids) {
    const row = statement.get(id) as { id: string; threadId: string; seq: number | null; body: string } | undefined
    if (row) found.set(id, row)
  }
  return found
}

// What the tests check in the database itself, opened read-only with the BFF's own SQLite driver: that each
// acknowledged write is there by id, and that nothing is half-written (places counted in step, threads numbered
// without gaps, no idempotency key claimed without its answer, the file's own integrity). The same checks, async,
// for SQLite or PostgreSQL (the BFF's own pg driver) are below: CheckedDb, which the cluster test uses.
import { randomBytes } from 'node:crypto'
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

// The same SQL on SQLite and PostgreSQL (where a comparison is a boolean, not a number to sum).
const HALF_WRITTEN_SQL = {
  slots: `SELECT sum(CASE WHEN s.booked > s.capacity THEN 1 ELSE 0 END) AS "overbooked",
                 sum(CASE WHEN s.booked <> (SELECT count(*) FROM bookings b
                                             WHERE b.slot_id = s.id AND b.status <> 'cancelled') THEN 1 ELSE 0 END)
                   AS "outOfStep"
            FROM slots s`,
  threads: `SELECT count(*) AS n FROM threads t
             WHERE t.last_seq <> (SELECT count(*) FROM thread_messages m WHERE m.thread_id = t.id AND m.seq IS NOT NULL)
                OR t.last_seq <> coalesce((SELECT max(seq) FROM thread_messages m WHERE m.thread_id = t.id), 0)`,
  keys: 'SELECT count(*) AS n FROM idempotency_keys WHERE status_code IS NULL OR response_body IS NULL'
}
const BOOKING_BY_ID_SQL =
  'SELECT id, status, slot_id AS "slotId", booked_by_user_id AS "userId" FROM bookings WHERE id = ?'
const MESSAGE_BY_ID_SQL = 'SELECT id, thread_id AS "threadId", seq, body FROM thread_messages WHERE id = ?'

type SlotsRow = { overbooked: number | null; outOfStep: number | null }
type BookingRow = { id: string; status: string; slotId: string; userId: string }
type MessageRow = { id: string; threadId: string; seq: number | null; body: string }

export function halfWritten(db: ReadOnlyDb): HalfWritten {
  const slots = db.prepare(HALF_WRITTEN_SQL.slots).get() as SlotsRow
  const threads = db.prepare(HALF_WRITTEN_SQL.threads).get() as { n: number }
  const keys = db.prepare(HALF_WRITTEN_SQL.keys).get() as { n: number }
  return {
    overbooked: slots.overbooked ?? 0,
    outOfStep: slots.outOfStep ?? 0,
    threadsWithGaps: threads.n,
    keysWithoutAnswer: keys.n
  }
}

/** Booking rows by id: their status, slot and veteran's account. */
export function bookingsById(db: ReadOnlyDb, ids: string[]) {
  const statement = db.prepare(BOOKING_BY_ID_SQL)
  const found = new Map<string, { status: string; slotId: string; userId: string }>()
  for (const id of ids) {
    const row = statement.get(id) as BookingRow | undefined
    if (row) found.set(id, row)
  }
  return found
}

/** Message rows by id: their thread, seq and body. */
export function messagesById(db: ReadOnlyDb, ids: string[]) {
  const statement = db.prepare(MESSAGE_BY_ID_SQL)
  const found = new Map<string, { threadId: string; seq: number | null; body: string }>()
  for (const id of ids) {
    const row = statement.get(id) as MessageRow | undefined
    if (row) found.set(id, row)
  }
  return found
}

// ------------------------------------------------------------------------------------------------------------
// The same checks on either database, async (PostgreSQL's driver has no other way).

/** The database as a test checks it, SQLite or PostgreSQL: `?` placeholders, counts as numbers. */
export interface CheckedDb {
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>
  halfWritten(): Promise<HalfWritten>
  bookingsById(ids: string[]): Promise<Map<string, BookingRow>>
  messagesById(ids: string[]): Promise<Map<string, MessageRow>>
  close(): Promise<void>
}

function checked(all: CheckedDb['all'], close: () => Promise<void>): CheckedDb {
  const byId = async <T extends { id: string }>(sql: string, ids: string[]) => {
    const found = new Map<string, T>()
    for (const id of ids) {
      const [row] = await all<T>(sql, id)
      if (row) found.set(id, row)
    }
    return found
  }
  return {
    all,
    async halfWritten() {
      const [slots] = await all<SlotsRow>(HALF_WRITTEN_SQL.slots)
      const [threads] = await all<{ n: number }>(HALF_WRITTEN_SQL.threads)
      const [keys] = await all<{ n: number }>(HALF_WRITTEN_SQL.keys)
      return {
        overbooked: slots?.overbooked ?? 0,
        outOfStep: slots?.outOfStep ?? 0,
        threadsWithGaps: threads?.n ?? 0,
        keysWithoutAnswer: keys?.n ?? 0
      }
    },
    bookingsById: (ids) => byId<BookingRow>(BOOKING_BY_ID_SQL, ids),
    messagesById: (ids) => byId<MessageRow>(MESSAGE_BY_ID_SQL, ids),
    close
  }
}

/** The SQLite file, read-only. */
export function checkedSqlite(file: string): CheckedDb {
  const db = openReadOnly(file)
  return checked(
    async <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    async () => db.close()
  )
}

interface PgClient {
  connect(): Promise<void>
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  end(): Promise<void>
}
interface PgModule {
  Client: new (options: {
    connectionString: string
    connectionTimeoutMillis?: number
    types?: { getTypeParser(oid: number, format?: string): (value: string) => unknown }
  }) => PgClient
  types: { getTypeParser(oid: number, format?: string): (value: string) => unknown }
}
// pg as the BFF itself resolves it (this package does not depend on it).
const pg = bffRequire('pg') as PgModule
/** bigint (count(*), sum of integers): pg gives it as a string, the checks compare numbers. */
const INT8_OID = 20

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function pgClient(url: string): Promise<PgClient> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
    types: { getTypeParser: (oid, format) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) }
  })
  await client.connect()
  return client
}

/** A PostgreSQL database of the test's own, empty (the BFF migrates it at start); drop() removes it, connections too. */
export async function createPgDatabase(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = async (sql: string) => {
    const client = await pgClient(PG_ADMIN_URL)
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** The PostgreSQL database at `url`, through one connection of the test's own. */
export async function checkedPg(url: string): Promise<CheckedDb> {
  const client = await pgClient(url)
  return checked(
    async <T>(sql: string, ...params: unknown[]) => {
      let n = 0
      return (
        await client.query<T>(
          sql.replace(/\?/g, () => `$${++n}`),
          params
        )
      ).rows
    },
    () => client.end()
  )
}

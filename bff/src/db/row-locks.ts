import type { Conn, Db } from './client'
import { groupCommit } from './group-commit'
import { postgresClientOf } from './dialect'

// Row locks for the transactions that keep their rules by taking turns on the rows they decide about (bookings:
// a slot's places and queue, a veteran's bookings; messaging: a thread's numbers and state) instead of by
// SERIALIZABLE. On SQLite a write transaction holds the whole database already (BEGIN IMMEDIATE), so these do
// nothing there. On PostgreSQL a transaction that took the locks runs READ COMMITTED (see group-commit.ts): every
// statement after them sees what the previous holders committed. Locks are taken in one order (keys, accounts,
// veterans, slots, threads, each by id) so that two transactions wanting the same rows queue instead of
// deadlocking; a transaction that must lock more later (a waitlist entry's veteran) may still meet a deadlock,
// which PostgreSQL breaks and the transaction runs again.

export interface RowLocks {
  /** Names of things without a row, such as an Idempotency-Key's scope. */
  keys?: string[]
  /**
   * Accounts acting, held FOR SHARE: one account's requests still run side by side, but closing it (an UPDATE of
   * its row) waits for them, and they see it closed once it is.
   */
  actingUsers?: string[]
  veterans?: string[]
  slots?: string[]
  threads?: string[]
}

/**
 * A write transaction that first takes these locks: on PostgreSQL READ COMMITTED (see above), on SQLite the group
 * commit as any other write.
 */
export function lockingCommit<T>(db: Db, locks: RowLocks, fn: (tx: Conn) => T | Promise<T>): Promise<T> {
  return groupCommit(
    db,
    async (tx) => {
      await lockRows(tx, locks)
      return fn(tx)
    },
    'READ COMMITTED'
  )
}

/** Each table's locking query, its ids the query's parameter of the same position. */
const TABLE_LOCKS = {
  actingUsers: 'SELECT id FROM users WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C" FOR SHARE',
  veterans: 'SELECT id FROM veterans WHERE id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE',
  slots: 'SELECT id FROM slots WHERE id = ANY($3::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE',
  threads: 'SELECT id FROM threads WHERE id = ANY($4::text[]) ORDER BY id COLLATE "C" FOR NO KEY UPDATE'
} as const

const LOCKED_TABLES = Object.keys(TABLE_LOCKS) as (keyof typeof TABLE_LOCKS)[]
const ROW_LOCKS_SQL = `SELECT ${Object.values(TABLE_LOCKS)
  .map((locking, i) => `(SELECT count(*) FROM (${locking}) AS locked) AS locked_${i}`)
  .join(', ')}`

function sortedUnique(values: string[] | undefined) {
  return [...new Set(values ?? [])].sort()
}

/** Whether this transaction must lock rows to decide safely (PostgreSQL), or holds the whole database (SQLite). */
export function takesRowLocks(tx: Conn): boolean {
  return postgresClientOf(tx) !== undefined
}

/** Locks the rows (and keys) until the transaction ends. FOR NO KEY UPDATE leaves foreign keys to them free. */
export async function lockRows(tx: Conn, locks: RowLocks): Promise<void> {
  const client = postgresClientOf(tx)
  if (!client) return
  for (const key of sortedUnique(locks.keys)) {
    await client.query({
      name: 'row_locks_key',
      text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
      values: [key]
    })
  }
  const wanted = LOCKED_TABLES.map((table) => sortedUnique(locks[table]))
  if (wanted.every((list) => list.length === 0)) return
  // One round trip for all of them; each subquery locks its rows in id order, the subqueries one after the other.
  await client.query({ name: 'row_locks', text: ROW_LOCKS_SQL, values: wanted })
}

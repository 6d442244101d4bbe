import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { statementsOf, type Statements } from './statements'

// Rules that guard capacity, the one-active-booking rule and the waitlist run inside a BEGIN IMMEDIATE
// transaction, with conditional UPDATEs and partial unique indexes. The work inside awaits only the database (see
// db/group-commit.ts): the transaction functions return a refusal instead of throwing when nothing was written.
// On PostgreSQL the transaction is READ COMMITTED and first locks the rows it decides about (db/row-locks.ts,
// booking-steps.ts): the veteran always, the slot when its queue or a booking of it changes. Booking a place locks
// the slot only by taking the place (the conditional UPDATE), late in its transaction: bookings of one slot take
// turns for their last few statements only.

/** A transaction's handles: drizzle for the occasional statement, the prepared ones for the frequent. */
export interface Tx {
  tx: Conn
  q: Statements
  /** When the transaction runs: every rule about time (started, cut-off, ended) is decided against this. */
  now: string
}

/**
 * One BEGIN IMMEDIATE transaction (a savepoint of a group commit, see db/group-commit.ts, all-or-nothing on its
 * own) with the prepared statements at hand; resolves once committed.
 */
export function inTx<T>(db: Db, fn: (t: Tx) => T | Promise<T>): Promise<T> {
  // The statements of the transaction's own connection (on SQLite the database's; on PostgreSQL the client the
  // transaction holds, so that they see its writes).
  return groupCommit(db, (tx) => fn({ tx, q: statementsOf(tx as Db), now: new Date().toISOString() }), 'READ COMMITTED')
}

/** A write that must affect exactly one row did not: roll the whole transaction back. */
export function expectOne(changes: number, what: string) {
  if (changes !== 1) throw new Error(`booking invariant broken: ${what} changed ${changes} rows`)
}

import { clientOf, perConnection, statement, type Conn, type Db } from './client'
import { postgresClientOf } from './dialect'
import { inPostgresTransaction, type Isolation } from './pg/transaction'
import { afterWalSync, commitWithoutSync, whenSyncIdle } from './wal-sync'

// Group commit. Under load many small writes wait at once, and each commit costs a round of locking and WAL
// frames. Writes handed to groupCommit() in the same turn of the event loop share one BEGIN IMMEDIATE … COMMIT,
// each in its own savepoint: each is still all-or-nothing and runs alone (one after the other, in arrival order),
// and none is answered before the COMMIT that holds it is on disk (under synchronous = FULL the WAL is synced off
// the event loop, see wal-sync.ts). If that commit fails, every write of the group fails.
// A write may be an async function, so that one repository serves SQLite and PostgreSQL, but on SQLite it may
// await only the database: its queries answer at once, so the whole group runs in one turn of the event loop and
// no other request's statement can slip into the open transaction. A write that waits for anything else (a timer,
// the network, a file) is caught: its group is rolled back and every write of it fails.
// Tests that fake timers must leave setImmediate real: the group is flushed from it.

interface Job {
  fn: (tx: Conn) => unknown
  resolve(value: unknown): void
  reject(error: unknown): void
}

/** At most this many writes share a commit, so that one group never holds the write lock for long. */
const GROUP_LIMIT = 64

const queues = perConnection(() => ({ jobs: [] as Job[], scheduled: false }))

/**
 * Runs fn in a BEGIN IMMEDIATE transaction shared with the other writes of this turn; resolves after COMMIT. On
 * PostgreSQL, in a transaction of its own (pg/transaction.ts), SERIALIZABLE unless fn keeps its rules with row
 * locks (row-locks.ts).
 */
export function groupCommit<T>(
  db: Db,
  fn: (tx: Conn) => T | Promise<T>,
  postgresIsolation: Isolation = 'SERIALIZABLE'
): Promise<T> {
  const postgres = postgresClientOf(db)
  if (postgres) {
    // PostgreSQL shares commits among connections by itself: each write is its own transaction.
    if (!('totalCount' in postgres)) throw new Error('groupCommit inside a transaction')
    return inPostgresTransaction(postgres, fn, postgresIsolation)
  }
  const queue = queues(db)
  return new Promise<T>((resolve, reject) => {
    queue.jobs.push({ fn, resolve, reject })
    if (!queue.scheduled) {
      queue.scheduled = true
      scheduleFlush(db)
    }
  })
}

/** The group is committed in the next turn, once the WAL sync that is running (if any) has ended. */
function scheduleFlush(db: Db) {
  whenSyncIdle(db, () => setImmediate(flush, db))
}

function flush(db: Db) {
  const queue = queues(db)
  const jobs = queue.jobs.splice(0, GROUP_LIMIT)
  if (queue.jobs.length > 0) scheduleFlush(db)
  else queue.scheduled = false
  void runGroup(db, jobs)
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown }

/** A write that took the group's transaction down with it (SQLite rolled back everything, or its undo failed). */
class GroupLost extends Error {
  constructor(
    readonly index: number,
    readonly error: unknown
  ) {
    super('a write took the group commit down', { cause: error })
    this.name = 'GroupLost'
  }
}

async function runGroup(db: Db, jobs: Job[]): Promise<void> {
  if (jobs.length === 0) return
  const settled: Settled[] = []
  try {
    await commitWithoutSync(db, () =>
      inOneTurnTransaction(db, async () => {
        if (jobs.length === 1) {
          const value = await jobs[0]!.fn(db)
          settled.push({ ok: true, value })
          return
        }
        for (const [index, job] of jobs.entries()) settled.push(await runInSavepoint(db, job, index))
      })
    )
  } catch (error) {
    if (error instanceof GroupLost) {
      // Nothing of the group was written and nobody was answered: the write that failed gets its error, the
      // others run again in a group of their own.
      jobs[error.index]!.reject(error.error)
      await runGroup(
        db,
        jobs.filter((_, index) => index !== error.index)
      )
      return
    }
    for (const job of jobs) job.reject(error)
    return
  }
  answerWhenSynced(db, jobs, settled)
}

/** A write of the group waited for something other than the database (see the comment at the top). */
export class WriteLeftTheTurn extends Error {
  constructor() {
    super('a write in a group commit waited for something other than the database; the group was rolled back')
    this.name = 'WriteLeftTheTurn'
  }
}

/**
 * BEGIN IMMEDIATE … COMMIT around the group's writes, rolled back if one throws past its savepoint or if the group
 * has not reached its COMMIT by the next turn of the event loop.
 */
async function inOneTurnTransaction(db: Db, body: () => Promise<void>) {
  let leftTheTurn = false
  const probe = setImmediate(() => (leftTheTurn = true))
  statement(db, 'BEGIN IMMEDIATE').run()
  try {
    await body()
    if (leftTheTurn) throw new WriteLeftTheTurn()
    statement(db, 'COMMIT').run()
  } catch (error) {
    if (clientOf(db).inTransaction) statement(db, 'ROLLBACK').run()
    throw error
  } finally {
    clearImmediate(probe)
  }
}

/** Answers each write of a committed group (its value, or the error that undid it alone) once the commit is on disk. */
function answerWhenSynced(db: Db, jobs: Job[], settled: Settled[]) {
  afterWalSync(db, (syncError) => {
    jobs.forEach((job, index) => {
      const outcome = settled[index]!
      if (syncError !== undefined) job.reject(syncError)
      else if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.error)
    })
  })
}

const SAVEPOINT = 'SAVEPOINT group_write'
const RELEASE = 'RELEASE group_write'
const ROLLBACK_TO = 'ROLLBACK TO group_write'

/** One write of a group in its own savepoint, undone alone if it throws. */
async function runInSavepoint(db: Db, job: Job, index: number): Promise<Settled> {
  statement(db, SAVEPOINT).run()
  let value: unknown
  try {
    value = await job.fn(db)
  } catch (error) {
    if (error instanceof WriteLeftTheTurn) throw error
    // Some errors (disk full, I/O) make SQLite roll back the whole transaction; and if this write cannot be
    // undone, the group must not commit what is left of it.
    if (!clientOf(db).inTransaction) throw new GroupLost(index, error)
    try {
      statement(db, ROLLBACK_TO).run()
      statement(db, RELEASE).run()
    } catch {
      throw new GroupLost(index, error)
    }
    return { ok: false, error }
  }
  try {
    statement(db, RELEASE).run()
  } catch (error) {
    throw new GroupLost(index, error)
  }
  return { ok: true, value }
}

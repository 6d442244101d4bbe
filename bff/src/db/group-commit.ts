import { clientOf, immediate, perConnection, statement, type Conn, type Db } from './client'
import { afterWalSync, commitWithoutSync, whenSyncIdle } from './wal-sync'

// Group commit. Under load many small writes wait at once, and each commit costs a round of locking and WAL
// frames. Writes handed to groupCommit() in the same turn of the event loop share one BEGIN IMMEDIATE … COMMIT,
// each in its own savepoint: each is still all-or-nothing and runs alone (the functions are synchronous, one
// after the other, in arrival order), and none is answered before the COMMIT that holds it is on disk (under
// synchronous = FULL the WAL is synced off the event loop, see wal-sync.ts). If that commit fails, every write of
// the group fails.
// Tests that fake timers must leave setImmediate real: the group is flushed from it.

interface Job {
  fn: (tx: Conn) => unknown
  resolve(value: unknown): void
  reject(error: unknown): void
}

/** At most this many writes share a commit, so that one group never holds the write lock for long. */
const GROUP_LIMIT = 64

const queues = perConnection(() => ({ jobs: [] as Job[], scheduled: false }))

/** Runs fn in a BEGIN IMMEDIATE transaction shared with the other writes of this turn; resolves after COMMIT. */
export function groupCommit<T>(db: Db, fn: (tx: Conn) => T): Promise<T> {
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
  runGroup(db, jobs)
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

function runGroup(db: Db, jobs: Job[]) {
  if (jobs.length === 0) return
  if (jobs.length === 1) {
    const job = jobs[0]!
    let value: unknown
    try {
      value = commitWithoutSync(db, () => immediate(db, job.fn))
    } catch (error) {
      job.reject(error)
      return
    }
    answerWhenSynced(db, [job], [{ ok: true, value }])
    return
  }
  const settled: Settled[] = []
  try {
    commitWithoutSync(db, () =>
      immediate(db, () => {
        jobs.forEach((job, index) => settled.push(runInSavepoint(db, job, index)))
      })
    )
  } catch (error) {
    if (error instanceof GroupLost) {
      // Nothing of the group was written and nobody was answered: the write that failed gets its error, the
      // others run again in a group of their own.
      jobs[error.index]!.reject(error.error)
      runGroup(
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
function runInSavepoint(db: Db, job: Job, index: number): Settled {
  statement(db, SAVEPOINT).run()
  let value: unknown
  try {
    value = job.fn(db)
  } catch (error) {
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

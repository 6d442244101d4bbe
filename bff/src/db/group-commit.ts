import { clientOf, immediate, perConnection, type Conn, type Db } from './client'

// Group commit. A commit is the dearest part of a small write transaction (its pages go to the WAL), and under
// load many writes wait at once. Writes handed to groupCommit() in the same turn of the event loop share one
// BEGIN IMMEDIATE … COMMIT, each in its own savepoint: each is still all-or-nothing and runs alone (the
// functions are synchronous, one after the other, in arrival order), and none is answered before the commit
// that makes it durable. If that commit fails, every write of the group fails.

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
    queue.jobs.push({ fn, resolve: resolve as (value: unknown) => void, reject })
    if (!queue.scheduled) {
      queue.scheduled = true
      setImmediate(flush, db)
    }
  })
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown }

function flush(db: Db) {
  const queue = queues(db)
  const jobs = queue.jobs.splice(0, GROUP_LIMIT)
  if (queue.jobs.length > 0) setImmediate(flush, db)
  else queue.scheduled = false

  const settled: Settled[] = []
  try {
    if (jobs.length === 1) {
      settled.push({ ok: true, value: immediate(db, jobs[0]!.fn) })
    } else {
      immediate(db, () => {
        for (const job of jobs) settled.push(runInSavepoint(db, job))
      })
    }
  } catch (error) {
    for (const job of jobs) job.reject(error)
    return
  }
  jobs.forEach((job, i) => {
    const outcome = settled[i]!
    if (outcome.ok) job.resolve(outcome.value)
    else job.reject(outcome.error)
  })
}

/** One write of a group: a nested immediate() is a savepoint, rolled back alone if the write throws. */
function runInSavepoint(db: Db, job: Job): Settled {
  try {
    return { ok: true, value: immediate(db, job.fn) }
  } catch (error) {
    // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then no write of the group
    // survived, and the group fails as one.
    if (!clientOf(db).inTransaction) throw error
    return { ok: false, error }
  }
}

import type { FastifyBaseLogger } from 'fastify'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { claimDueJobs, completeJobIn, recordJobFailure, type ClaimedJob } from './repo'

// Runs due jobs. Each job's effects (a reminder's notifications) and its "done" mark are written in ONE
// transaction: a crash before it commits leaves the job pending (it runs again after its lease), and a commit
// marks it done (it never runs again). So a restart loses none and none is done twice.

/** Does a job's work inside its transaction: it may await the database only (see db/group-commit.ts). */
export type JobHandler = (
  tx: Conn,
  job: { key: string; payload: Record<string, unknown> },
  now: string
) => void | Promise<void>

const LEASE_MS = 5 * 60_000
const BATCH = 100
const MAX_ATTEMPTS = 5

export interface JobRunner {
  /** Handlers by job kind, registered when the app is composed. */
  register(kind: string, handler: JobHandler): void
  /** Runs every job due by the app's clock now; answers how many were done. */
  runDue(): Promise<number>
}

export function createJobRunner(db: Db, clock: () => number, log: FastifyBaseLogger): JobRunner {
  const handlers = new Map<string, JobHandler>()

  async function runOne(job: ClaimedJob, now: string): Promise<boolean> {
    const handler = handlers.get(job.kind)
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      return await groupCommit(db, async (tx) => {
        if (!(await completeJobIn(tx, job, now))) return false
        await handler(tx, job, now)
        return true
      })
    } catch (err) {
      const retryAt = new Date(clock() + 60_000 * 2 ** job.attempts).toISOString()
      log.error({ err, jobId: job.id, kind: job.kind }, 'due job failed')
      await recordJobFailure(
        db,
        job,
        err instanceof Error ? err.message : 'failed',
        retryAt,
        job.attempts >= MAX_ATTEMPTS
      )
      return false
    }
  }

  return {
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`a handler for job kind ${kind} is already registered`)
      handlers.set(kind, handler)
    },
    async runDue() {
      let done = 0
      for (;;) {
        const now = clock()
        const claimed = await claimDueJobs(
          db,
          new Date(now).toISOString(),
          new Date(now + LEASE_MS).toISOString(),
          BATCH
        )
        for (const job of claimed) if (await runOne(job, new Date(clock()).toISOString())) done += 1
        if (claimed.length < BATCH) return done
        // Let requests in between batches.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
  }
}

import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query, rowsChanged } from '../../db/query'
import { dueJobs } from '../../db/schema/index'
import { newId } from '../../lib/ids'

// Due jobs: work kept in the database with the time it is due (a visit's reminder). `key` names the job (one
// reminder per booking): scheduling again moves it, and a done or cancelled job becomes pending again.

export interface ScheduledJob {
  kind: string
  key: string
  dueAt: string
  payload: Record<string, unknown>
}

// Prepared once per connection: a job is scheduled with every booking, inside its transaction.
const SCHEDULE_SQL = `INSERT INTO due_jobs (id, kind, key, due_at, payload, status, attempts, created_at)
  VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)
  ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, payload = excluded.payload,
    status = 'pending', attempts = 0, lease_until = NULL, last_error = NULL, finished_at = NULL`
const CANCEL_SQL = `UPDATE due_jobs SET status = 'cancelled', finished_at = ?, lease_until = NULL
  WHERE key = ? AND status = 'pending'`

/** Schedules (or moves) the job of `key` inside the caller's transaction. */
export async function scheduleJobIn(tx: Conn, job: ScheduledJob, now: string) {
  await query(tx, SCHEDULE_SQL).run(newId(), job.kind, job.key, job.dueAt, JSON.stringify(job.payload), now)
}

/** Cancels the pending job of `key`, if any, inside the caller's transaction. */
export async function cancelJobIn(tx: Conn, key: string, now: string) {
  await query(tx, CANCEL_SQL).run(now, key)
}

/**
 * Claims due jobs: each gets a lease until `leaseUntil` and its attempt counted, in one transaction, so no two
 * runners take the same job; a job whose runner died is claimed again once its lease has run out.
 */
export async function claimDueJobs(db: Db, now: string, leaseUntil: string, limit: number) {
  return groupCommit(db, async (tx) => {
    const due = await tx
      .select({
        id: dueJobs.id,
        kind: dueJobs.kind,
        key: dueJobs.key,
        payload: dueJobs.payload,
        attempts: dueJobs.attempts
      })
      .from(dueJobs)
      .where(
        and(
          eq(dueJobs.status, 'pending'),
          lte(dueJobs.dueAt, now),
          or(isNull(dueJobs.leaseUntil), lte(dueJobs.leaseUntil, now))
        )
      )
      .orderBy(asc(dueJobs.dueAt))
      .limit(limit)
    for (const job of due) {
      await tx
        .update(dueJobs)
        .set({ leaseUntil, attempts: sql`${dueJobs.attempts} + 1` })
        .where(eq(dueJobs.id, job.id))
    }
    return due.map((job) => ({ ...job, attempts: job.attempts + 1, leaseUntil }))
  })
}

export type ClaimedJob = Awaited<ReturnType<typeof claimDueJobs>>[number]

/**
 * Marks a claimed job done inside the transaction that writes its effects. False when the claim no longer holds
 * (the lease ran out and another runner took it, or the job was moved or cancelled meanwhile): then nothing of it
 * may be written.
 */
export async function completeJobIn(tx: Conn, job: ClaimedJob, now: string): Promise<boolean> {
  const completed = await tx
    .update(dueJobs)
    .set({ status: 'done', finishedAt: now, leaseUntil: null })
    .where(and(eq(dueJobs.id, job.id), eq(dueJobs.status, 'pending'), eq(dueJobs.leaseUntil, job.leaseUntil)))
  return rowsChanged(completed) === 1
}

/** A handler failed: try again at `retryAt`, or give up (status failed) when `final`. */
export async function recordJobFailure(db: Db, job: ClaimedJob, error: string, retryAt: string, final: boolean) {
  await db
    .update(dueJobs)
    .set(final ? { status: 'failed', lastError: error, leaseUntil: null } : { lastError: error, leaseUntil: retryAt })
    .where(and(eq(dueJobs.id, job.id), eq(dueJobs.status, 'pending'), eq(dueJobs.leaseUntil, job.leaseUntil)))
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { groupCommit } from '../src/db/group-commit'
import { query } from '../src/db/query'
import { claimDueJobs, completeJobIn, scheduleJobIn } from '../src/modules/jobs/repo'
import { startCluster, type Cluster } from './cluster-helpers'
import { connectRedis } from './redis-helpers'

// Due jobs with two instances polling one database: claims are leased in the database (BEGIN IMMEDIATE on SQLite, a
// serializable transaction on PostgreSQL), so each job runs once, and a job whose instance died is taken over when
// its lease runs out.

const KIND = 'test.cluster-count'
const LEASE_MS = 5 * 60_000
let now = Date.now()
let cluster: Cluster
let a: FastifyInstance
let b: FastifyInstance

beforeAll(async () => {
  ;(await connectRedis()).disconnect()
  // No demo data (its reminders would be due too) and a poller that never fires: the test runs the rounds.
  cluster = await startCluster('jobs', 2, { SEED: 'none', JOB_POLL_MS: '3600000' }, { clock: () => now })
  ;[a, b] = cluster.instances as [FastifyInstance, FastifyInstance]
  // Each run of the test job is written in the job's own transaction: on PostgreSQL a transaction that lost a
  // serialization conflict runs again from the start, and only what it committed counts.
  await query(a.db, 'CREATE TABLE test_job_runs (instance TEXT NOT NULL, job_key TEXT NOT NULL)').run()
  for (const [name, app] of [['a', a] as const, ['b', b] as const]) {
    app.jobs.register(KIND, async (tx, job) => {
      await query(tx, 'INSERT INTO test_job_runs (instance, job_key) VALUES (?, ?)').run(name, job.key)
    })
  }
})
afterAll(() => cluster?.close())

async function schedule(prefix: string, count: number) {
  const at = new Date(now).toISOString()
  await groupCommit(a.db, async (tx) => {
    for (let i = 0; i < count; i++)
      await scheduleJobIn(tx, { kind: KIND, key: `${prefix}-${i}`, dueAt: at, payload: {} }, at)
  })
}
/** The committed runs of the test job whose keys begin with `prefix`: the instance that ran each, and its key. */
const runsOf = (prefix: string) =>
  query<{ instance: string; key: string }>(
    a.db,
    'SELECT instance, job_key AS key FROM test_job_runs WHERE job_key LIKE ? ORDER BY job_key, instance'
  ).all(`${prefix}-%`)

describe('due jobs across instances', () => {
  it('runs each due job once when both instances poll at the same time', async () => {
    await schedule('race', 350)
    const [doneByA, doneByB] = await Promise.all([a.jobs.runDue(), b.jobs.runDue()])
    expect(doneByA + doneByB).toBe(350)
    const runs = await runsOf('race')
    expect(new Set(runs.map((run) => run.key)).size).toBe(350)
    expect(runs).toHaveLength(350)
    // Both took batches: the claims really were contended.
    expect(doneByA).toBeGreaterThan(0)
    expect(doneByB).toBeGreaterThan(0)
  })

  it('takes over the job of an instance that died, once its lease has run out', async () => {
    await schedule('orphan', 1)
    // A claims the job and dies before completing it.
    const iso = (ms: number) => new Date(ms).toISOString()
    const [claim] = (await claimDueJobs(a.db, iso(now), iso(now + LEASE_MS), 100)).filter((job) => job.kind === KIND)
    expect(claim?.key).toBe('orphan-0')

    expect(await b.jobs.runDue()).toBe(0)
    now += LEASE_MS + 1000
    expect(await b.jobs.runDue()).toBe(1)
    expect(await runsOf('orphan')).toEqual([{ instance: 'b', key: 'orphan-0' }])
    // Were A only slow, not dead, its late completion is refused: it writes nothing of the job.
    expect(await groupCommit(a.db, (tx) => completeJobIn(tx, claim!, iso(now)))).toBe(false)
  })
})

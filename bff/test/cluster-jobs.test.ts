import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { groupCommit } from '../src/db/group-commit'
import { claimDueJobs, completeJobIn, scheduleJobIn } from '../src/modules/jobs/repo'
import { startCluster, type Cluster } from './cluster-helpers'
import { connectRedis } from './redis-helpers'

// Due jobs with two instances polling one database: claims are leased in the database (BEGIN IMMEDIATE), so each
// job runs once, and a job whose instance died is taken over when its lease runs out.

const KIND = 'test.cluster-count'
const LEASE_MS = 5 * 60_000
let now = Date.now()
let cluster: Cluster
let a: FastifyInstance
let b: FastifyInstance
/** Each run of the test job: the instance that ran it and the job's key. */
const ran: { instance: string; key: string }[] = []

beforeAll(async () => {
  ;(await connectRedis()).disconnect()
  // No demo data (its reminders would be due too) and a poller that never fires: the test runs the rounds.
  cluster = await startCluster('jobs', 2, { SEED: 'none', JOB_POLL_MS: '3600000' }, { clock: () => now })
  ;[a, b] = cluster.instances as [FastifyInstance, FastifyInstance]
  a.jobs.register(KIND, (_tx, job) => void ran.push({ instance: 'a', key: job.key }))
  b.jobs.register(KIND, (_tx, job) => void ran.push({ instance: 'b', key: job.key }))
})
afterAll(() => cluster?.close())

async function schedule(prefix: string, count: number) {
  const at = new Date(now).toISOString()
  await groupCommit(a.db, async (tx) => {
    for (let i = 0; i < count; i++)
      await scheduleJobIn(tx, { kind: KIND, key: `${prefix}-${i}`, dueAt: at, payload: {} }, at)
  })
}
const runsOf = (prefix: string) => ran.filter((run) => run.key.startsWith(`${prefix}-`))

describe('due jobs across instances', () => {
  it('runs each due job once when both instances poll at the same time', async () => {
    await schedule('race', 350)
    const [doneByA, doneByB] = await Promise.all([a.jobs.runDue(), b.jobs.runDue()])
    expect(doneByA + doneByB).toBe(350)
    expect(new Set(runsOf('race').map((run) => run.key)).size).toBe(350)
    expect(runsOf('race')).toHaveLength(350)
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
    expect(runsOf('orphan')).toEqual([{ instance: 'b', key: 'orphan-0' }])
    // Were A only slow, not dead, its late completion is refused: it writes nothing of the job.
    expect(await groupCommit(a.db, (tx) => completeJobIn(tx, claim!, iso(now)))).toBe(false)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { importJobs } from '../src/db/schema/index'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { startCluster, through, type Cluster } from './cluster-helpers'
import { connectRedis, TEST_REDIS_URL, uniquePrefix, until } from './redis-helpers'
import { csvText, idNumberOf, searchTotal, startImport, utf8, waitForJob, minimalRow } from './registry-helpers'

// Registry imports with two instances on one database: a job is run by the instance holding its lease. Another
// instance (polling, or starting up) leaves it alone while that lease lives, and takes it over — after the last
// committed batch, so each row is applied once — when its instance stopped or its lease was lost.

const ROWS = 12_000
let cluster: Cluster
let a: FastifyInstance
let b: FastifyInstance
let city: Session
const late: FastifyInstance[] = []

beforeAll(async () => {
  ;(await connectRedis()).disconnect()
  // Every instance looks for jobs to take over every 100 ms.
  cluster = await startCluster('imports', 2, { JOB_POLL_MS: '100' })
  ;[a, b] = cluster.instances as [FastifyInstance, FastifyInstance]
  city = await signInStaff(a, 'city')
})
afterAll(async () => {
  await Promise.all(late.map((app) => app.close()))
  await cluster?.close()
})

/** A file of ROWS new records, named and numbered apart for each test. */
function file(name: string, offset: number): Buffer {
  const rows = Array.from({ length: ROWS }, (_, n) =>
    minimalRow(`${name}${n}`, idNumberOf('419902', offset + n), '东湖区')
  )
  return utf8(csvText(rows))
}

const jobRow = async (jobId: string) => (await a.db.select().from(importJobs).where(eq(importJobs.id, jobId)))[0]!

/** Starts an import on A and waits until its first batch has committed. */
async function importOnA(name: string, offset: number) {
  const response = await startImport(city, file(name, offset), `${name}.csv`)
  expect(response.statusCode, response.body).toBe(202)
  const { jobId } = response.json<{ jobId: string }>()
  await until(async () => (await jobRow(jobId)).processed >= 1000, 30_000)
  return jobId
}

/** The job ended done with every row created exactly once, and the registry holds each row once. */
async function expectImportedOnce(jobId: string, name: string) {
  const job = await waitForJob(through(b, city), jobId, 100_000)
  expect(job).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, created: ROWS, errorCount: 0 })
  expect(job.updated + job.unchanged).toBe(0)
  expect(await searchTotal(city, `q=${name}`)).toBe(ROWS)
}

describe('registry imports across instances', () => {
  it(
    'is run only by the instance holding its lease, while others poll and start up',
    { timeout: 120_000 },
    async () => {
      const jobId = await importOnA('租约', 0)
      const owner = (await jobRow(jobId)).owner
      expect(owner).toEqual(expect.any(String))
      // A third instance starting up now finds the job running, with A's lease live.
      late.push(await buildTestApp(lateEnv()))

      await expectImportedOnce(jobId, '租约')
      expect(await jobRow(jobId)).toMatchObject({ owner, leaseUntil: null, filePath: null })
    }
  )

  it(
    'is taken over when its lease was lost: the late batch of the old owner is refused',
    { timeout: 120_000 },
    async () => {
      const jobId = await importOnA('接管', 12_000)
      const { owner, filePath } = await jobRow(jobId)
      // As if A had stalled past its lease and an instance had claimed the job meanwhile; that one died at once.
      await a.db
        .update(importJobs)
        .set({ owner: 'stalled-claimer', leaseUntil: new Date(Date.now() - 1000).toISOString() })
        .where(eq(importJobs.id, jobId))

      await expectImportedOnce(jobId, '接管')
      const ended = await jobRow(jobId)
      expect(ended.owner).not.toBe(owner)
      expect(ended.owner).not.toBe('stalled-claimer')
      await until(() => !existsSync(filePath!))
    }
  )

  it(
    'is not taken over while a dead instance’s lease lives, and is once it runs out',
    { timeout: 120_000 },
    async () => {
      const jobId = await importOnA('宕机', 24_000)
      // A crashed with its lease live: nobody may go on with the job until the lease runs out.
      await a.db
        .update(importJobs)
        .set({ owner: 'crashed', leaseUntil: new Date(Date.now() + 60_000).toISOString() })
        .where(eq(importJobs.id, jobId))
      // A's own next batch is refused (the job is no longer its), and B leaves the job alone.
      const stuckAt = (await jobRow(jobId)).processed
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(await jobRow(jobId)).toMatchObject({ owner: 'crashed', processed: stuckAt, status: 'running' })

      await a.db
        .update(importJobs)
        .set({ leaseUntil: new Date(Date.now() - 1).toISOString() })
        .where(eq(importJobs.id, jobId))
      await expectImportedOnce(jobId, '宕机')
    }
  )

  it('is taken over at once when its instance shuts down mid-import', { timeout: 120_000 }, async () => {
    const jobId = await importOnA('关停', 36_000)
    // A stops after its current batch and releases the job; B goes on with it at its next poll.
    await a.close()
    const job = await waitForJob(through(b, city), jobId, 100_000)
    expect(job).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, created: ROWS, errorCount: 0 })
    expect(job.updated + job.unchanged).toBe(0)
    expect(await searchTotal(through(b, city), 'q=关停')).toBe(ROWS)
  })
})

/** An instance started later on the same database, as a rolling start adds one. */
function lateEnv() {
  return {
    DATABASE_URL: cluster.databaseUrl,
    DATABASE_TEMPLATE: undefined, // the cluster's database is there already
    UPLOADS_DIR: cluster.uploadsDir,
    SEED: 'none',
    BACKUP_HOUR: 'off',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: uniquePrefix('imports-late'),
    JOB_POLL_MS: '100'
  }
}

import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { csvText, idNumberOf, searchTotal, startImport, utf8, waitForJob, minimalRow } from './registry-helpers'

// A job survives a restart: the app is closed while an import runs (jobs stop after their current batch, as on a
// shutdown), then a new app opens the same database file and resumes after the last committed batch.

const ROWS = 12_000
const dirs: string[] = []
const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function open(dir: string) {
  const app = await buildTestApp({ DATABASE_URL: `file:${path.join(dir, 'veterans.db')}` })
  apps.push(app)
  return { app, city: await signInStaff(app, 'city') }
}

function bigFile(): Buffer {
  const rows = Array.from({ length: ROWS }, (_, n) =>
    minimalRow(`重启${n}`, idNumberOf(n % 2 ? '419902' : '419903', n), n % 2 ? '东湖区' : '西江区')
  )
  return utf8(csvText(rows))
}

/** Starts an import and closes the app once its first batch has committed (and before the job can end). */
async function importThenStop(dir: string) {
  const { app, city } = await open(dir)
  const response = await startImport(city, bigFile(), 'big.csv')
  expect(response.statusCode, response.body).toBe(202)
  const { jobId } = response.json()
  for (;;) {
    const job = (await city.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}` })).json()
    if (job.processed >= 1000) break
    await new Promise((resolve) => setImmediate(resolve))
  }
  apps.splice(apps.indexOf(app), 1)
  await app.close()
  return jobId as string
}

async function jobOf(city: Session, jobId: string) {
  return (await city.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}` })).json()
}

describe('import jobs across a restart', () => {
  it('resume after the last committed batch: every row applied exactly once', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-restart-'))
    dirs.push(dir)
    const jobId = await importThenStop(dir)

    const { city } = await open(dir)
    const job = await waitForJob(city, jobId, 100_000)
    expect(job).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, created: ROWS, errorCount: 0 })
    expect(job.updated + job.unchanged).toBe(0)
    expect(await searchTotal(city, 'q=重启')).toBe(ROWS)
    // The file is removed once the job has ended (just after its end is recorded).
    await expect.poll(() => readdirSync(path.join(dir, 'uploads', 'imports'))).toEqual([])
  })

  it('marks the job failed, saying how far it got, when its file is gone', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-restart-'))
    dirs.push(dir)
    const jobId = await importThenStop(dir)
    const importsDir = path.join(dir, 'uploads', 'imports')
    for (const file of readdirSync(importsDir)) rmSync(path.join(importsDir, file))

    const { city } = await open(dir)
    const job = await waitForJob(city, jobId)
    expect(job.status).toBe('failed')
    expect(job.processed).toBeGreaterThanOrEqual(1000)
    expect(job.processed).toBeLessThan(ROWS)
    expect(job.failure).toContain('找不到上传的文件')
    expect(job.failure).toContain(`已处理 ${job.processed} / ${ROWS} 行`)
    expect(await jobOf(city, jobId)).toMatchObject({ finishedAt: expect.any(String) })
    expect(await searchTotal(city, 'q=重启')).toBe(job.created)
  })
})

// Registry import benchmark: a generated 100,000-row CSV (registry-import-generate.ts) imported through
// POST /api/v1/staff/veterans/import on a file database. Reports
//   1. the import time, from the upload to the job being done (target ≤ 60 s);
//   2. the peak resident memory of the process during the import (it must stay bounded: streaming parse, batches);
//   3. p50/p99 of GET /api/v1/me kept going at 10 connections during the import, against the same before it.
// Server and clients share this process, so latencies are an upper bound. Targets are printed PASS/MISS; a wrong
// count of records afterwards exits 1.
// Run: cd tests && pnpm exec tsx bench/registry-import.bench.ts
import { mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { generateRegistryCsv } from './registry-import-generate'
import { meReaders } from './me-readers'
import { recordResult } from './results'

const ROWS = 100_000
const CONNECTIONS = 10
const BASELINE_MS = 2000

const { buildApp } = await import('@veterans/bff')
const { testConfig, signInStaff, signInWechat } = await import('@veterans/bff/testing')

const dir = mkdtempSync(path.join(tmpdir(), 'registry-import-bench-'))
const csvFile = path.join(dir, 'registry.csv')
const config = testConfig({
  DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
  LOG_LEVEL: 'silent',
  RATE_LIMITS: 'off'
})

function quantile(sorted: number[], q: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

try {
  let started = performance.now()
  await generateRegistryCsv(csvFile, ROWS)
  console.log(
    `generated ${ROWS.toLocaleString()} rows (${mb(statSync(csvFile).size)}) in ${Math.round(performance.now() - started)} ms`
  )

  const app = await buildApp(config)
  await app.ready()
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port
  const [city, laowang] = await Promise.all([signInStaff(app, 'city'), signInWechat(app, 'laowang')])

  const readers = meReaders(port, laowang.accessToken, CONNECTIONS)
  const load = readers.load

  const baselineEnd = performance.now() + BASELINE_MS
  const baseline = load(() => performance.now() < baselineEnd)
  await baseline.done
  const rssBefore = process.memoryUsage().rss

  let importing = true
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  const during = load(() => importing)
  started = performance.now()
  const form = new FormData()
  form.append('file', await openAsBlob(csvFile), 'registry.csv')
  const accepted = await fetch(`http://127.0.0.1:${port}/api/v1/staff/veterans/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${city.accessToken}` },
    body: form
  })
  if (accepted.status !== 202) throw new Error(`import: ${accepted.status} ${await accepted.text()}`)
  const { jobId } = (await accepted.json()) as { jobId: string }
  const uploadMs = performance.now() - started
  let job: Record<string, unknown>
  for (;;) {
    job = (await city.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}` })).json()
    if (job.status !== 'running') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const importMs = performance.now() - started
  importing = false
  clearInterval(sampler)
  await during.done

  const total = (await city.request({ method: 'GET', url: '/api/v1/staff/veterans?q=导入&limit=1' })).json().total
  const base = [...baseline.latencies].sort((a, b) => a - b)
  const busy = [...during.latencies].sort((a, b) => a - b)
  const mark = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  console.log(`job: ${JSON.stringify({ ...job, errors: undefined })}`)
  console.log(`upload answered (202) in ${uploadMs.toFixed(0)} ms`)
  console.log(
    `import: ${(importMs / 1000).toFixed(1)} s for ${ROWS.toLocaleString()} rows (target ≤ 60 s) ${mark(importMs <= 60_000)}`
  )
  console.log(`memory: ${mb(rssBefore)} before, peak ${mb(peakRss)} during (+${mb(peakRss - rssBefore)})`)
  console.log(
    `GET /me before: ${base.length} requests, p50 ${quantile(base, 0.5).toFixed(1)} ms, p99 ${quantile(base, 0.99).toFixed(1)} ms`
  )
  console.log(
    `GET /me during import: ${busy.length} requests, p50 ${quantile(busy, 0.5).toFixed(1)} ms, p99 ${quantile(busy, 0.99).toFixed(1)} ms`
  )
  recordResult('registry-import', {
    rows: ROWS,
    uploadAnsweredMs: Math.round(uploadMs),
    importSeconds: `${(importMs / 1000).toFixed(1)} (target ≤ 60: ${mark(importMs <= 60_000)})`,
    job: { status: job.status, created: job.created, updated: job.updated },
    memory: { beforeMb: Math.round(rssBefore / 2 ** 20), peakMb: Math.round(peakRss / 2 ** 20) },
    getMeBefore: { requests: base.length, p50Ms: quantile(base, 0.5), p99Ms: quantile(base, 0.99) },
    getMeDuringImport: { requests: busy.length, p50Ms: quantile(busy, 0.5), p99Ms: quantile(busy, 0.99) }
  })
  readers.close()
  await app.close()
  // A generated ID number may happen to match one of the demo registry's: that row updates the record instead.
  const applied = (job.created as number) + (job.updated as number)
  if (job.status !== 'done' || applied !== ROWS || total !== ROWS) {
    console.error(`wrong result: status ${String(job.status)}, created ${String(job.created)}, found ${total}`)
    process.exitCode = 1
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

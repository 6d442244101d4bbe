// Notices benchmark: 100,000 veterans with accounts (written straight into a file database by
// notices-generate.ts), one city-wide notice to all of them. Reports
//   1. the fan-out time, from POST …/send to the notice being 'sent' with every recipient in an inbox (target ≤ 2 s);
//   2. the longest event-loop block during the fan-out (target ≤ 50 ms), by monitorEventLoopDelay at 1 ms;
//   3. p50/p99 of GET /api/v1/me requests kept going at 10 connections during the fan-out, against the same
//      requests before it.
// The server and the clients share this process (the clients' own work is small), so the latencies are an upper
// bound. Speed targets are reported PASS/MISS; a wrong recipient count (missing or twice) exits 1.
// Run: cd tests && pnpm exec tsx bench/notices.bench.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { generateVeteranAccounts } from './notices-generate'
import { meReaders } from './me-readers'
import { recordResult } from './results'

const VETERANS = 100_000
const CONNECTIONS = 10
const BASELINE_MS = 2000

const { buildApp } = await import('@veterans/bff')
const { testConfig, signInStaff, signInWechat } = await import('@veterans/bff/testing')

const dir = mkdtempSync(path.join(tmpdir(), 'notices-bench-'))
const dbFile = path.join(dir, 'bench.db')
const config = testConfig({ DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent', RATE_LIMITS: 'off' })

function quantile(sorted: number[], q: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN
}

try {
  // The demo data first (the app seeds an empty database), then the veterans beside it.
  const seeded = await buildApp(config)
  await seeded.ready()
  await seeded.close()
  let started = performance.now()
  generateVeteranAccounts(dbFile, VETERANS)
  console.log(
    `generated ${VETERANS.toLocaleString()} veterans with accounts in ${Math.round(performance.now() - started)} ms`
  )

  const app = await buildApp(config)
  await app.ready()
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port
  const [city, admin, laowang] = await Promise.all([
    signInStaff(app, 'city'),
    signInStaff(app, 'admin'),
    signInWechat(app, 'laowang')
  ])
  const ok = async (response: Promise<{ statusCode: number; body: string }>, expected: number) => {
    const r = await response
    if (r.statusCode !== expected) throw new Error(`expected ${expected}, got ${r.statusCode} ${r.body.slice(0, 300)}`)
    return JSON.parse(r.body) as Record<string, unknown>
  }
  const { id } = (await ok(
    city.request({
      method: 'POST',
      url: '/api/v1/staff/notices',
      payload: {
        title: '全市退役军人信息采集通知',
        body: '请于本月底前核对个人信息。',
        audience: { roles: ['veteran'] }
      }
    }),
    201
  )) as { id: string }
  await ok(city.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/submit` }), 200)
  await ok(admin.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` }), 200)
  started = performance.now()
  const preview = await ok(city.request({ method: 'GET', url: `/api/v1/staff/notices/${id}/audience-preview` }), 200)
  console.log(`audience preview: ${preview.count as number} accounts in ${Math.round(performance.now() - started)} ms`)

  const readers = meReaders(port, laowang.accessToken, CONNECTIONS)
  const load = readers.load

  const baselineLoop = monitorEventLoopDelay({ resolution: 1 })
  baselineLoop.enable()
  const baselineEnd = performance.now() + BASELINE_MS
  const baseline = load(() => performance.now() < baselineEnd)
  await baseline.done
  baselineLoop.disable()

  const sqlite = (app.db as unknown as { $client: { prepare(sql: string): { get(...a: unknown[]): unknown } } }).$client
  const statusOf = sqlite.prepare('SELECT status FROM notices WHERE id = ?')
  const loop = monitorEventLoopDelay({ resolution: 1 })
  let fanningOut = true
  const during = load(() => fanningOut)
  loop.enable()
  started = performance.now()
  const sent = (await ok(
    city.request({
      method: 'POST',
      url: `/api/v1/staff/notices/${id}/send`,
      headers: { 'idempotency-key': 'bench-send' }
    }),
    200
  )) as { recipientCount: number }
  const sendAnswered = performance.now() - started
  while ((statusOf.get(id) as { status: string }).status !== 'sent') await new Promise((r) => setTimeout(r, 5))
  const fanoutMs = performance.now() - started
  loop.disable()
  fanningOut = false
  await during.done

  const counts = sqlite
    .prepare('SELECT count(*) AS n, count(DISTINCT user_id) AS people FROM notice_recipients WHERE notice_id = ?')
    .get(id) as { n: number; people: number }
  const maxBlock = loop.max / 1e6
  const base = [...baseline.latencies].sort((a, b) => a - b)
  const fan = [...during.latencies].sort((a, b) => a - b)
  const mark = (pass: boolean) => (pass ? 'PASS' : 'MISS')
  console.log(`recipients: ${sent.recipientCount} fixed at send, ${counts.n} in inboxes (${counts.people} people)`)
  console.log(`send answered in ${sendAnswered.toFixed(1)} ms`)
  console.log(`fan-out: ${fanoutMs.toFixed(0)} ms (target ≤ 2000 ms) ${mark(fanoutMs <= 2000)}`)
  console.log(
    `event loop during fan-out: longest block ${maxBlock.toFixed(1)} ms (target ≤ 50 ms) ${mark(maxBlock <= 50)}, ` +
      `p99 delay ${(loop.percentile(99) / 1e6).toFixed(1)} ms`
  )
  console.log(
    `event loop before (GET /me only): longest block ${(baselineLoop.max / 1e6).toFixed(1)} ms, ` +
      `p99 delay ${(baselineLoop.percentile(99) / 1e6).toFixed(1)} ms`
  )
  console.log(
    `GET /me before: ${base.length} requests, p50 ${quantile(base, 0.5).toFixed(1)} ms, p99 ${quantile(base, 0.99).toFixed(1)} ms`
  )
  console.log(
    `GET /me during fan-out: ${fan.length} requests, p50 ${quantile(fan, 0.5).toFixed(1)} ms, p99 ${quantile(fan, 0.99).toFixed(1)} ms`
  )
  recordResult('notices', {
    recipients: { fixedAtSend: sent.recipientCount, inInboxes: counts.n, people: counts.people },
    sendAnsweredMs: Math.round(sendAnswered),
    fanoutMs: `${fanoutMs.toFixed(0)} (target ≤ 2000: ${mark(fanoutMs <= 2000)})`,
    longestEventLoopBlockMs: `${maxBlock.toFixed(1)} (target ≤ 50: ${mark(maxBlock <= 50)})`,
    getMeBefore: { requests: base.length, p50Ms: quantile(base, 0.5), p99Ms: quantile(base, 0.99) },
    getMeDuringFanout: { requests: fan.length, p50Ms: quantile(fan, 0.5), p99Ms: quantile(fan, 0.99) }
  })
  readers.close()
  await app.close()
  if (counts.n !== VETERANS + 1 || counts.people !== counts.n) {
    console.error(`expected ${VETERANS + 1} recipients once each (the generated veterans and the demo one)`)
    process.exitCode = 1
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

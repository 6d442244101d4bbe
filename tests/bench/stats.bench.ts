// Dashboard benchmark: 100,000 veterans, 500,000 bookings and 200,000 messages (written straight into a file
// database by stats-generate.ts beside the demo data). Reports p50/p99 of GET /api/v1/staff/stats for a 30-day
// and a 365-day period, city-wide (an admin) and for one district center, sequentially over HTTP (target p99 ≤
// 200 ms), and checks the city-wide booking total against a plain COUNT over the same period.
// Run: cd tests && pnpm exec tsx bench/stats.bench.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { directBookingTotal, generateStatsData } from './stats-generate'
import { recordResult } from './results'

const VOLUMES = { veterans: 100_000, bookings: 500_000, messages: 200_000 }
const RUNS = 40
const TARGET_MS = 200

const { buildApp } = await import('@veterans/bff')
const { testConfig, signInStaff } = await import('@veterans/bff/testing')

const dir = mkdtempSync(path.join(tmpdir(), 'stats-bench-'))
const dbFile = path.join(dir, 'bench.db')
const config = testConfig({ DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent', RATE_LIMITS: 'off' })

function quantile(sorted: number[], q: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN
}

const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

let missed = false
try {
  const seeded = await buildApp(config)
  await seeded.ready()
  await seeded.close()
  const started = performance.now()
  generateStatsData(dbFile, VOLUMES)
  console.log(
    `generated ${VOLUMES.veterans.toLocaleString()} veterans, ${VOLUMES.bookings.toLocaleString()} bookings, ` +
      `${VOLUMES.messages.toLocaleString()} messages in ${Math.round(performance.now() - started)} ms`
  )

  const app = await buildApp(config)
  await app.ready()
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const [admin, donghu] = await Promise.all([signInStaff(app, 'admin'), signInStaff(app, 'donghu')])

  const to = beijingDate(Date.now())
  const periods = [
    { label: '30 days', from: beijingDate(Date.now() - 29 * 86_400_000), to },
    { label: '365 days', from: beijingDate(Date.now() - 364 * 86_400_000), to }
  ]
  for (const period of periods) {
    for (const [who, session, centerName] of [
      ['city-wide (admin)', admin, undefined],
      ['one center (donghu)', donghu, '东湖区退役军人服务中心']
    ] as const) {
      const url = `${base}/api/v1/staff/stats?from=${period.from}&to=${period.to}`
      const times: number[] = []
      let body: { bookings: { total: number } } | null = null
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now()
        const response = await fetch(url, { headers: { authorization: `Bearer ${session.accessToken}` } })
        const text = await response.text()
        times.push(performance.now() - t0)
        if (response.status !== 200) throw new Error(`stats answered ${response.status}: ${text.slice(0, 300)}`)
        body = JSON.parse(text) as typeof body
      }
      times.sort((a, b) => a - b)
      const p50 = quantile(times, 0.5)
      const p99 = quantile(times, 0.99)
      const verdict = p99 <= TARGET_MS ? 'PASS' : 'MISS'
      if (verdict === 'MISS') missed = true
      // The figures must be exact, not only fast: the total against a plain count of the same bookings.
      const startsAt = new Date(`${period.from}T00:00:00+08:00`).toISOString()
      const endsAt = new Date(Date.parse(`${period.to}T00:00:00+08:00`) + 86_400_000).toISOString()
      const direct = directBookingTotal(dbFile, startsAt, endsAt, centerName)
      if (body!.bookings.total !== direct) {
        throw new Error(`${period.label}, ${who}: ${body!.bookings.total} bookings counted, ${direct} in the table`)
      }
      recordResult('stats', {
        [`${period.label}, ${who}`]: {
          p50Ms: p50,
          p99Ms: p99,
          target: `p99 ≤ ${TARGET_MS} ms: ${verdict}`,
          bookings: body!.bookings.total
        }
      })
      console.log(
        `${period.label}, ${who}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target p99 ≤ ${TARGET_MS} ms: ` +
          `${verdict}); ${body!.bookings.total.toLocaleString()} bookings counted (a plain COUNT agrees)`
      )
    }
  }
  await app.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
if (missed) console.log('some periods missed the target')

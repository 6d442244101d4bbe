// Where the dashboard's time goes: builds (or reuses) the bench database of stats.bench.ts, then times each query
// of GET /staff/stats on its own, the whole route in-process, and prints the plans of the big reads.
// Run: cd tests && pnpm exec tsx bench/stats-profile.ts [db file]   (a missing file is generated, a few minutes)
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { generateStatsData } from './stats-generate'

const dbFile = process.argv[2] ?? '/tmp/stats-profile.db'
const { buildApp } = await import('@veterans/bff')
const { testConfig, signInStaff } = await import('@veterans/bff/testing')
const repo = await import('../../bff/src/modules/stats/repo')
const { clientOf } = await import('../../bff/src/db/client')
const config = testConfig({ DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent', RATE_LIMITS: 'off' })
if (!existsSync(dbFile)) {
  const seeded = await buildApp(config)
  await seeded.ready()
  await seeded.close()
  generateStatsData(dbFile, { veterans: 100_000, bookings: 500_000, messages: 200_000 })
}
const app = await buildApp(config) // migrates an older file
await app.ready()
const db = app.db
const sqlite = clientOf(db)

const bj = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
const instant = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()
const centerId = (
  sqlite.prepare("SELECT id FROM centers WHERE name = '东湖区退役军人服务中心'").get() as { id: string }
).id
const to = bj(Date.now())
const endsAt = instant(bj(Date.now() + 86_400_000))

async function time(label: string, run: () => unknown) {
  const times: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    await run()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  console.log(`${label.padEnd(36)} median ${times[3]!.toFixed(1)} ms, max ${times[6]!.toFixed(1)} ms`)
}

const [admin, donghu] = await Promise.all([signInStaff(app, 'admin'), signInStaff(app, 'donghu')])
for (const days of [30, 365]) {
  const from = bj(Date.now() - (days - 1) * 86_400_000)
  const startsAt = instant(from)
  for (const c of [null, centerId]) {
    const label = `${days} d ${c ? 'center' : 'city'}`
    for (const [name, fn] of Object.entries(repo)) {
      if (name === 'centerOf' || name === 'serviceNames' || typeof fn !== 'function') continue
      const call = fn as (...args: unknown[]) => unknown
      if (name === 'veteranGroups') await time(`${label} ${name}`, () => call(db, c ? '419902' : null))
      else if (name === 'bookingDays') await time(`${label} ${name}`, () => call(db, from, to, c))
      else if (name === 'rankedFirstWait') {
        // Only where the period has measured waits (a database from before migration 0012 has none).
        const { measured } = await repo.threadSummary(db, startsAt, endsAt, c)
        if (measured > 0) await time(`${label} ${name}`, () => call(db, startsAt, endsAt, c, Math.floor(measured / 2)))
      } else await time(`${label} ${name}`, () => call(db, startsAt, endsAt, c))
    }
    const session = c ? donghu : admin
    const t: number[] = []
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now()
      const r = await session.request({ method: 'GET', url: '/api/v1/staff/stats', query: { from, to } })
      if (r.statusCode !== 200) throw new Error(r.body)
      t.push(performance.now() - t0)
    }
    t.sort((a, b) => a - b)
    console.log(`${label} ROUTE median ${t[3]!.toFixed(1)} ms, max ${t[6]!.toFixed(1)} ms`)
  }
}
// The plans of the statements that read many rows: every one should be a range of a key or a covering index.
for (const [label, sql] of [
  [
    'booking days',
    "SELECT * FROM booking_day_totals WHERE center_id = '*' AND day >= '2025-01-01' AND day <= '2025-12-31'"
  ],
  [
    'ranked wait',
    "SELECT first_response_minutes FROM threads WHERE created_at >= '2025-01-01' AND first_response_minutes IS NOT NULL ORDER BY 1 LIMIT 1 OFFSET 100"
  ],
  ['veterans', "SELECT district_code, category, count(*) FROM veterans WHERE status = 'active' GROUP BY 1, 2"]
] as const) {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]
  console.log(`${label}: ${plan.map((step) => step.detail).join('; ')}`)
}
await app.close()

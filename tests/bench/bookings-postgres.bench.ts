// Booking on PostgreSQL next to SQLite, in one run on loopback (autocannon here, each BFF instance in a child):
//   - SQLite, 1 instance (a temporary file in WAL mode);
//   - PostgreSQL, 1 instance, then 3 instances on the same database, the plan split among them and loaded at once;
// POST /api/v1/bookings with an Idempotency-Key each, over prepared veterans and slots (some slots one place short:
// real contention, some SLOT_FULL). Reports committed bookings/s and p99 (p99 ≤ 50 ms printed, no throughput
// target: the machine has 2 cores, so 3 instances cannot be faster than 1 here). Afterwards no slot may hold more
// bookings than places, on either database and as the clients saw it; else the bench exits 1.
// Needs PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh database is
// created for the run and dropped at the end. PG_POOL_SIZE sets each instance's pool (default 10).
// Run: cd tests && npx tsx bench/bookings-postgres.bench.ts
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  beijingDayFromToday,
  benchSlotTimes,
  bookingRequest,
  type BookingLoadRequest,
  type PlannedBooking
} from './booking-load'
import { runBenchRole, waitForMessage } from './child-messages'
import { createBenchDatabase } from './postgres-database'
import { recordResult } from './results'
import type { buildApp } from '@veterans/bff'

// autocannon ships no types; this is the part of its API used here.
type Autocannon = (options: {
  url: string
  connections: number
  amount: number
  timeout: number
  requests: BookingLoadRequest[]
}) => Promise<{ latency: { p99: number }; errors: number; timeouts: number }>

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon
const CONNECTIONS = 50
const INSTANCES = 3
const VETERANS = 300
const SERVICES = ['employment', 'records', 'education', 'counselling', 'legal_aid']
const CAPACITY = 5
/** Every SHORT_EVERY-th slot gets one place less than the requests aimed at it. */
const SHORT_EVERY = 8
/** Bookings sent before measuring (split among all instances on PostgreSQL), so that the JIT has compiled the path. */
const WARMUP = 200
/** Bookings of each measured phase: a few seconds each. */
const MEASURED = 500
const TARGET_P99_MS = 50

interface Prepared {
  plan: PlannedBooking[]
  capacities: Record<string, number>
}
interface Invariant {
  slots: number
  overbooked: number
  outOfStep: number
  activeBookings: number
}

type Message =
  | { type: 'ready'; port: number; prepared: Prepared | null }
  | { type: 'invariant'; invariant: Invariant }
  | { type: 'error'; message: string }

// booked > capacity, and booked ≠ the bookings holding a place, counted over every slot (same SQL on both).
const INVARIANT_SQL = `SELECT count(*) AS slots,
         coalesce(sum(CASE WHEN s.booked > s.capacity THEN 1 ELSE 0 END), 0) AS overbooked,
         coalesce(sum(CASE WHEN s.booked <> (SELECT count(*) FROM bookings b
                                              WHERE b.slot_id = s.id AND b.status <> 'cancelled') THEN 1 ELSE 0 END), 0)
           AS "outOfStep",
         (SELECT count(*) FROM bookings WHERE status <> 'cancelled') AS "activeBookings"
    FROM slots s`

// ------------------------------------------------------------------------------------------------------------
// Child: one BFF instance; with BENCH_PREPARE=1 it also makes the veterans and slots of the plan.

async function serve() {
  const { buildApp } = await import('@veterans/bff')
  const { testConfig } = await import('@veterans/bff/testing')
  const app = await buildApp(
    testConfig({
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
      DATABASE_TEMPLATE: undefined,
      PG_POOL_SIZE: process.env.PG_POOL_SIZE,
      SEED: process.env.BENCH_SEED,
      BACKUP_HOUR: 'off',
      LOG_LEVEL: 'silent',
      RATE_LIMITS: 'off'
    })
  )
  await app.ready()
  const prepared = process.env.BENCH_PREPARE === '1' ? await prepare(app) : null
  await app.listen({ port: 0, host: '127.0.0.1' })
  process.send!({ type: 'ready', port: (app.server.address() as { port: number }).port, prepared } satisfies Message)
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'check') {
      const invariant = app.sqlite.prepare(INVARIANT_SQL).get() as Invariant
      process.send!({ type: 'invariant', invariant } satisfies Message)
    }
    if (message.type === 'stop') {
      await app.close()
      process.exit(0)
    }
  })
}

type App = Awaited<ReturnType<typeof buildApp>>

/** Veterans (registry record, WeChat sign-in, binding) and capacity-5 slots; each veteran books each service once. */
async function prepare(app: App): Promise<Prepared> {
  const { signInStaff, signInWechat } = await import('@veterans/bff/testing')
  const { idNumberCheckChar } = await import('@veterans/shared')
  const admin = await signInStaff(app, 'admin')
  const json = async <T>(request: Promise<{ statusCode: number; body: string }>, expected: number): Promise<T> => {
    const r = await request
    if (r.statusCode !== expected) throw new Error(`prepare: expected ${expected}, got ${r.statusCode} ${r.body}`)
    return JSON.parse(r.body) as T
  }
  const get = <T>(url: string) => json<{ items: T[] }>(admin.request({ method: 'GET', url }), 200)
  const center = (await get<{ id: string; name: string }>('/api/v1/centers')).items.find(
    (c) => c.name === '东湖区退役军人服务中心'
  )!
  const services = (await get<{ id: string; code: string }>('/api/v1/services')).items

  const tokens: string[] = []
  for (let start = 0; start < VETERANS; start += 50) {
    const batch = Array.from({ length: Math.min(50, VETERANS - start) }, async (_, k) => {
      const i = start + k
      const first17 = `419921${1960 + (i % 40)}${String(1 + (Math.floor(i / 40) % 12)).padStart(2, '0')}${String(1 + Math.floor(i / 480)).padStart(2, '0')}${String(960 + (i % 7)).padStart(3, '0')}`
      const idNumber = first17 + idNumberCheckChar(first17)
      const name = `压测${i}`
      const payload = { name, idNumber, districtCode: '419921', category: 'soldier' }
      await json(admin.request({ method: 'POST', url: '/api/v1/staff/veterans', payload }), 201)
      const session = await signInWechat(app, `bench-pg-${i}`)
      await json(session.request({ method: 'POST', url: '/api/v1/me/veteran', payload: { name, idNumber } }), 200)
      return session.accessToken
    })
    tokens.push(...(await Promise.all(batch)))
  }

  // Slots on the next 30 days at minutes the demo schedule never uses (…:05, …:25, …:45).
  const day = beijingDayFromToday
  const times = benchSlotTimes()
  const plan: PlannedBooking[] = []
  const capacities: Record<string, number> = {}
  for (const [serviceIndex, code] of SERVICES.entries()) {
    const serviceId = services.find((s) => s.code === code)!.id
    const range = { centerId: center.id, serviceId, from: day(1), to: day(30) }
    const batch = { ...range, weekdays: [1, 2, 3, 4, 5, 6], times, capacity: CAPACITY }
    await json(admin.request({ method: 'POST', url: '/api/v1/staff/slots/batch', payload: batch }), 201)
    const query = new URLSearchParams(range).toString()
    const slots = (await get<{ id: string; startsAt: string }>(`/api/v1/staff/slots?${query}`)).items.filter(
      (s) => Number(s.startsAt.slice(14, 16)) % 10 === 5
    )
    let next = 0
    for (const [index, slot] of slots.entries()) {
      if (next >= tokens.length) break
      const short = index % SHORT_EVERY === 0
      if (short) {
        const payload = { capacity: CAPACITY - 1 }
        await json(admin.request({ method: 'PATCH', url: `/api/v1/staff/slots/${slot.id}`, payload }), 200)
      }
      capacities[slot.id] = short ? CAPACITY - 1 : CAPACITY
      // The veterans' order turns by one slot's worth per service: no veteran holds two slots at one time.
      for (let k = 0; k < CAPACITY && next < tokens.length; k++)
        plan.push({ token: tokens[(next++ + serviceIndex * CAPACITY) % tokens.length]!, slotId: slot.id })
    }
  }
  return { plan, capacities }
}

// ------------------------------------------------------------------------------------------------------------
// Parent: databases, instances, load, report

const waitFor = <T extends Message['type']>(child: ChildProcess, type: T) => waitForMessage<Message, T>(child, type)

function startInstance(databaseUrl: string, seed: 'demo' | 'none', prepare: boolean): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [], {
    env: {
      ...process.env,
      BENCH_ROLE: 'server',
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_SEED: seed,
      BENCH_PREPARE: prepare ? '1' : '0'
    },
    execArgv: process.execArgv.length ? process.execArgv : ['--import', 'tsx']
  })
}

interface Phase {
  committed: number
  seconds: number
  p99: number
  statuses: Record<number, number>
  errors: number
}

/**
 * Books `parts[k]` against `ports[k]`, all parts at once, CONNECTIONS split among them; `committedPerSlot` counts the
 * 201s. Committed/s: every part's 201s over the time from the first request to the last answer of any part.
 */
async function bookingPhase(
  ports: number[],
  parts: PlannedBooking[][],
  keyPrefix: string,
  committedPerSlot: Map<string, number>
): Promise<Phase> {
  const statuses: Record<number, number> = {}
  let lastAnswerAt = 0
  const started = performance.now()
  const results = await Promise.all(
    parts.map((plan, k) =>
      autocannon({
        url: `http://127.0.0.1:${ports[k]}/api/v1/bookings`,
        connections: Math.ceil(CONNECTIONS / parts.length),
        amount: plan.length,
        timeout: 30,
        requests: [
          bookingRequest(
            plan,
            (i) => `${keyPrefix}-${k}-${i}`,
            (status, slotId) => {
              lastAnswerAt = performance.now()
              statuses[status] = (statuses[status] ?? 0) + 1
              if (status === 201) committedPerSlot.set(slotId, (committedPerSlot.get(slotId) ?? 0) + 1)
            }
          )
        ]
      })
    )
  )
  return {
    committed: statuses[201] ?? 0,
    seconds: (lastAnswerAt - started) / 1000,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    statuses,
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0)
  }
}

/** Every INSTANCES-th booking to each instance: requests for one slot reach different instances at once. */
const interleave = (plan: PlannedBooking[], n: number) =>
  Array.from({ length: n }, (_, k) => plan.filter((_, i) => i % n === k))

async function main() {
  const started = Date.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'bookings-postgres-bench-'))
  const database = await createBenchDatabase()
  const pgUrl = database.url
  const children: ChildProcess[] = []
  let transactions = { committed: NaN, rolledBack: NaN }
  const start = (...args: Parameters<typeof startInstance>) => {
    const child = startInstance(...args)
    children.push(child)
    return child
  }
  try {
    // The two preparing instances at once (one core each); the other two PostgreSQL instances once the first has
    // migrated and seeded, as further instances of a deployment start.
    const sqliteChild = start(`file:${path.join(dir, 'bench.db')}`, 'demo', true)
    const pgFirst = start(pgUrl, 'demo', true)
    const [sqliteReady, pgReady] = await Promise.all([waitFor(sqliteChild, 'ready'), waitFor(pgFirst, 'ready')])
    const others = [start(pgUrl, 'none', false), start(pgUrl, 'none', false)]
    const pgPorts = [pgReady.port, ...(await Promise.all(others.map((c) => waitFor(c, 'ready')))).map((r) => r.port)]
    const sqlitePrepared = sqliteReady.prepared!
    const pgPrepared = pgReady.prepared!
    if (pgPrepared.plan.length < WARMUP + 2 * MEASURED) throw new Error(`plan too short: ${pgPrepared.plan.length}`)
    console.log(
      `prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: ${pgPrepared.plan.length} planned bookings over ` +
        `${Object.keys(pgPrepared.capacities).length} slots per database; PostgreSQL database ${database.name}`
    )

    // Warm-up, then the measured phases, each on its own part of its database's plan.
    const sqliteCommitted = new Map<string, number>()
    const pgCommitted = new Map<string, number>()
    const sqlitePlan = sqlitePrepared.plan
    const pgPlan = pgPrepared.plan
    await bookingPhase([sqliteReady.port], [sqlitePlan.slice(0, WARMUP)], 'warmup', sqliteCommitted)
    await bookingPhase(pgPorts, interleave(pgPlan.slice(0, WARMUP), INSTANCES), 'warmup', pgCommitted)
    const measured = pgPlan.slice(WARMUP)
    const phases = [
      {
        label: 'SQLite, 1 instance',
        phase: await bookingPhase(
          [sqliteReady.port],
          [sqlitePlan.slice(WARMUP, WARMUP + MEASURED)],
          'sqlite',
          sqliteCommitted
        )
      },
      {
        label: 'PostgreSQL, 1 instance',
        phase: await bookingPhase([pgPorts[0]!], [measured.slice(0, MEASURED)], 'pg1', pgCommitted)
      },
      {
        label: `PostgreSQL, ${INSTANCES} instances (plan split, loaded at once)`,
        phase: await bookingPhase(
          pgPorts,
          interleave(measured.slice(MEASURED, 2 * MEASURED), INSTANCES),
          'pg3',
          pgCommitted
        )
      }
    ]

    // Overbooking: in each database, and from the clients' side (201s per slot against its places).
    sqliteChild.send({ type: 'check' })
    const sqliteInvariant = (await waitFor(sqliteChild, 'invariant')).invariant
    const [pgInvariant] = await database.query<Invariant>(INVARIANT_SQL)
    const clientOverbooked = (committed: Map<string, number>, prepared: Prepared) =>
      [...committed].filter(([slotId, n]) => n > (prepared.capacities[slotId] ?? 0)).length
    const checks = [
      { label: 'SQLite', invariant: sqliteInvariant, client: clientOverbooked(sqliteCommitted, sqlitePrepared) },
      { label: 'PostgreSQL', invariant: pgInvariant!, client: clientOverbooked(pgCommitted, pgPrepared) }
    ]

    const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`
    const lines = [
      row(['POST /api/v1/bookings', 'committed/s', 'p99 ms', `p99 ≤ ${TARGET_P99_MS} ms`, 'statuses']),
      row(['---', '---:', '---:', '---', '---']),
      ...phases.map(({ label, phase }) =>
        row([
          label,
          (phase.committed / phase.seconds).toFixed(0),
          phase.p99,
          phase.p99 <= TARGET_P99_MS ? 'yes' : 'no',
          `${JSON.stringify(phase.statuses)}${phase.errors ? `, ${phase.errors} errors/timeouts` : ''}`
        ])
      ),
      ...checks.map(({ label, invariant, client }) => {
        const bad = Number(invariant.overbooked) + Number(invariant.outOfStep) + client
        return row([
          `overbooking check, ${label}`,
          `${invariant.slots} slots`,
          '',
          '',
          `overbooked ${invariant.overbooked} (clients saw ${client}), out of step ${invariant.outOfStep}, ` +
            `${invariant.activeBookings} active bookings: ${bad === 0 ? 'PASS' : 'FAIL'}`
        ])
      })
    ]
    console.log(
      `\nBookings on SQLite and PostgreSQL (loopback, ${CONNECTIONS} connections in all, ${MEASURED} bookings a phase ` +
        `after ${WARMUP} warm-up bookings; the worst instance's p99 when several)\n`
    )
    console.log(lines.join('\n'))
    const failed = checks.some((c) => Number(c.invariant.overbooked) + Number(c.invariant.outOfStep) + c.client > 0)
    if (failed) console.error('\nOVERBOOKING FOUND')
    process.exitCode = failed ? 1 : 0
    recordResult('bookings-postgres', { table: lines })
  } finally {
    for (const child of children) {
      if (child.exitCode !== null) continue
      child.send({ type: 'stop' })
      await new Promise((resolve) => child.once('exit', resolve))
    }
    // PostgreSQL's own count of the run's transactions (each server connection reports its own as it closes):
    // rollbacks are mostly serialization failures that were retried.
    await new Promise((resolve) => setTimeout(resolve, 500))
    transactions = await database.transactions()
    await database.drop()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(
    `\nPostgreSQL transactions over the whole run (preparation included): ${transactions.committed} committed, ` +
      `${transactions.rolledBack} rolled back`
  )
  recordResult('bookings-postgres', { postgresTransactionsOfTheRun: transactions })
}

runBenchRole({ serve, main })

// (Long on purpose: the servers, the load and the overbooking check belong in one runnable file.)
// Booking benchmark, side by side in one run on loopback (autocannon in this process, the servers in a child):
//   1. authenticated GET /api/v1/slots against a bare Fastify route answering the same JSON (target ≥ 50 %);
//   2. POST /api/v1/bookings at 50 connections with an Idempotency-Key each (targets ≥ 1,500 committed/s,
//      p99 ≤ 50 ms), over many prepared slots and veterans so requests succeed, some slots one place short —
//      against two servers, each on its own fresh database: synchronous = FULL (the default: every commit is
//      synced) and NORMAL, in alternating rounds (FULL, NORMAL, NORMAL, FULL) so that the machine's load falls
//      on both alike;
//   3. zero overbooking afterwards: booked ≤ capacity and booked = bookings holding a place, for every slot.
// The databases are temporary FILES in WAL mode. Speed targets are reported (PASS/MISS); overbooking exits 1.
// Run: cd tests && pnpm exec tsx bench/booking.bench.ts   (BENCH_CPU_PROF=<dir> also profiles the server processes)
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBenchRole, waitForMessage } from './child-messages'
import { beijingDayFromToday, benchSlotTimes, bookingRequest, type PlannedBooking } from './booking-load'
import { recordResult } from './results'

// autocannon ships no types; this is the part of its API used here.
interface LoadRequest {
  method?: string
  setupRequest?: (
    request: { headers?: Record<string, string>; body?: string },
    context: Record<string, unknown>
  ) => unknown
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
interface LoadResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  duration: number
  non2xx: number
  errors: number
  timeouts: number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration?: number
  amount?: number
  timeout?: number
  requests: LoadRequest[]
}) => Promise<LoadResult>

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon

const CONNECTIONS = 50
const GET_SECONDS = 4
const WARMUP_SECONDS = 1
const VETERANS = 1000
const SERVICES = [
  'employment',
  'records',
  'education',
  'counselling',
  'legal_aid',
  'hardship_aid',
  'preferential_card',
  'entitlement',
  'entrepreneurship',
  'medical'
]
/** Bookings sent before measuring, so that the booking path is compiled by the JIT when the clock starts. */
const BOOKING_WARMUP = 2000
const CAPACITY = 5
/** Every SHORT_EVERY-th slot gets one place less than the requests aimed at it: real contention, some SLOT_FULL. */
const SHORT_EVERY = 8

interface Prepared {
  port: number
  barePort: number
  slotsPath: string
  slotsBytes: number
  /** The same list as sent to a client that accepts compressed answers. */
  compressedBytes: number
  readTokens: string[]
  plan: PlannedBooking[]
  capacities: Record<string, number>
}
interface Invariant {
  slots: number
  overbooked: number
  outOfStep: number
  activeBookings: number
  journalMode: string
  synchronous: number
}

type Message =
  | { type: 'ready'; prepared: Prepared }
  | { type: 'invariant'; invariant: Invariant }
  | { type: 'error'; message: string }

// ------------------------------------------------------------------------------------------------------------
// Child: the servers and their data

async function serve() {
  const { buildApp } = await import('@veterans/bff')
  const { testConfig, signInStaff, signInWechat } = await import('@veterans/bff/testing')
  const { idNumberCheckChar } = await import('@veterans/shared')
  // Fastify as the BFF itself resolves it, for the bare baseline route.
  const Fastify = createRequire(require.resolve('@veterans/bff'))('fastify') as (options: { logger: boolean }) => {
    get(url: string, handler: () => Promise<unknown>): void
    listen(options: { port: number; host: string }): Promise<string>
    close(): Promise<void>
    server: { address(): unknown }
  }

  const app = await buildApp(
    testConfig({
      DATABASE_URL: `file:${process.env.BENCH_DB}`,
      DB_SYNCHRONOUS: process.env.BENCH_SYNCHRONOUS,
      // No daily backup starting in the middle of a measurement.
      BACKUP_HOUR: 'off',
      LOG_LEVEL: 'silent',
      RATE_LIMITS: 'off'
    })
  )
  await app.ready()
  const admin = await signInStaff(app, 'admin')
  const json = <T>(r: { statusCode: number; body: string }, expected: number): T => {
    if (r.statusCode !== expected)
      throw new Error(`prepare: expected ${expected}, got ${r.statusCode} ${r.body.slice(0, 300)}`)
    return JSON.parse(r.body) as T
  }

  const centers = json<{ items: { id: string; name: string }[] }>(
    await admin.request({ method: 'GET', url: '/api/v1/centers' }),
    200
  ).items
  const services = json<{ items: { id: string; code: string }[] }>(
    await admin.request({ method: 'GET', url: '/api/v1/services' }),
    200
  ).items
  const center = centers.find((c) => c.name === '东湖区退役军人服务中心')!
  const serviceId = (code: string) => services.find((s) => s.code === code)!.id

  // Veterans as they become eligible: a registry record, a WeChat sign-in, the binding.
  const veterans: { token: string }[] = []
  for (let start = 0; start < VETERANS; start += 50) {
    veterans.push(
      ...(
        await Promise.all(
          Array.from({ length: Math.min(50, VETERANS - start) }, async (_, k) => {
            const i = start + k
            const first17 = `419921${1960 + (i % 40)}${String(1 + (Math.floor(i / 40) % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 480) % 28)).padStart(2, '0')}${String(950 + (i % 7)).padStart(3, '0')}`
            const idNumber = first17 + idNumberCheckChar(first17)
            const name = `压测${i}`
            const created = await admin.request({
              method: 'POST',
              url: '/api/v1/staff/veterans',
              payload: { name, idNumber, districtCode: '419921', category: 'soldier' }
            })
            if (created.statusCode !== 201) return null
            const session = await signInWechat(app, `bench-${i}`)
            json(await session.request({ method: 'POST', url: '/api/v1/me/veteran', payload: { name, idNumber } }), 200)
            return { token: session.accessToken }
          })
        )
      ).filter((v): v is { token: string } => v !== null)
    )
  }

  // Slots of the next 30 days at minutes the demo schedule never uses (…:05, …:25, …:45), capacity 5.
  const day = beijingDayFromToday
  const times = benchSlotTimes()
  const plan: PlannedBooking[] = []
  const capacities: Record<string, number> = {}
  for (const [serviceIndex, code] of SERVICES.entries()) {
    json(
      await admin.request({
        method: 'POST',
        url: '/api/v1/staff/slots/batch',
        payload: {
          centerId: center.id,
          serviceId: serviceId(code),
          from: day(1),
          to: day(30),
          weekdays: [1, 2, 3, 4, 5, 6],
          times,
          capacity: CAPACITY
        }
      }),
      201
    )
    const listed = json<{ items: { id: string; startsAt: string }[] }>(
      await admin.request({
        method: 'GET',
        url: `/api/v1/staff/slots?centerId=${center.id}&serviceId=${serviceId(code)}&from=${day(1)}&to=${day(30)}`
      }),
      200
    ).items.filter((s) => Number(s.startsAt.slice(14, 16)) % 10 === 5)
    let next = 0
    for (const [index, slot] of listed.entries()) {
      const short = index % SHORT_EVERY === 0
      if (short)
        json(
          await admin.request({
            method: 'PATCH',
            url: `/api/v1/staff/slots/${slot.id}`,
            payload: { capacity: CAPACITY - 1 }
          }),
          200
        )
      capacities[slot.id] = short ? CAPACITY - 1 : CAPACITY
      // Every veteran books each service once (one active booking per service), each service at another time of
      // theirs (a veteran cannot be in two places at once: TIME_CONFLICT): the veterans' order turns by one slot's
      // worth per service, and every service has the same times, so no veteran holds two slots of one time.
      for (let k = 0; k < CAPACITY && next < veterans.length; k++)
        plan.push({ token: veterans[(next++ + serviceIndex * CAPACITY) % veterans.length]!.token, slotId: slot.id })
      if (next >= veterans.length) break
    }
  }

  await app.listen({ port: 0, host: '127.0.0.1' })
  const readTokens = veterans.slice(0, 100).map((v) => v.token)
  // What a person choosing a time reads: one center's demo schedule of one service (not the bench's own slots).
  const readCenter = centers.find((c) => c.name === '西江区退役军人服务中心')!
  const slotsPath = `/api/v1/slots?centerId=${readCenter.id}&serviceId=${serviceId('preferential_card')}`
  const sample = await app.inject({
    method: 'GET',
    url: slotsPath,
    headers: { authorization: `Bearer ${readTokens[0]}` }
  })
  const payload = JSON.parse(sample.body) as unknown

  // The bare route: Fastify alone, answering the same JSON (serialized per request like any handler's object).
  const bare = Fastify({ logger: false })
  bare.get('/bare', async () => payload)
  await bare.listen({ port: 0, host: '127.0.0.1' })

  const portOf = (server: { server: { address(): unknown } }) => (server.server.address() as { port: number }).port
  process.send!({
    type: 'ready',
    prepared: {
      port: portOf(app),
      barePort: portOf(bare),
      slotsPath,
      slotsBytes: Buffer.byteLength(sample.body),
      compressedBytes: (
        await app.inject({
          method: 'GET',
          url: slotsPath,
          headers: { authorization: `Bearer ${readTokens[0]}`, 'accept-encoding': 'gzip, deflate, br' }
        })
      ).rawPayload.length,
      readTokens,
      plan,
      capacities
    }
  } satisfies Message)

  process.on('message', async (message: { type: string }) => {
    if (message.type === 'check') {
      // Read-only verification straight from the database file the server wrote.
      const sqlite = (
        app.db as unknown as {
          $client: {
            prepare(sql: string): { get(): unknown }
            pragma(sql: string, options: { simple: boolean }): unknown
          }
        }
      ).$client
      const row = sqlite
        .prepare(
          `SELECT count(*) AS slots,
                  sum(s.booked > s.capacity) AS overbooked,
                  sum(s.booked <> (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status <> 'cancelled')) AS outOfStep,
                  (SELECT count(*) FROM bookings WHERE status <> 'cancelled') AS activeBookings
             FROM slots s`
        )
        .get() as Omit<Invariant, 'journalMode' | 'synchronous'>
      const journalMode = String(sqlite.pragma('journal_mode', { simple: true }))
      const synchronous = Number(sqlite.pragma('synchronous', { simple: true }))
      process.send!({ type: 'invariant', invariant: { ...row, journalMode, synchronous } } satisfies Message)
    }
    if (message.type === 'stop') {
      await bare.close()
      await app.close()
      process.exit(0)
    }
  })
}

// ------------------------------------------------------------------------------------------------------------
// Parent: load, measure, report

const waitFor = <T extends Message['type']>(child: ChildProcess, type: T) => waitForMessage<Message, T>(child, type)

async function measureGet(url: string, tokens: string[] | null, seconds: number, headers: Record<string, string> = {}) {
  let n = 0
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          request.headers = { ...request.headers, ...headers }
          if (tokens) request.headers = { ...request.headers, authorization: `Bearer ${tokens[n++ % tokens.length]}` }
          return request
        }
      }
    ]
  })
}

/** Rounds of one measurement as one: requests over total time; latency percentiles as the mean of the rounds'. */
function combine(rounds: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => rounds.reduce((n, r) => n + f(r), 0)
  const total = sum((r) => r.requests.total)
  const duration = sum((r) => r.duration)
  return {
    requests: { total, average: total / duration },
    latency: {
      p50: Math.round(sum((r) => r.latency.p50) / rounds.length),
      p99: Math.round(sum((r) => r.latency.p99) / rounds.length)
    },
    duration,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts)
  }
}

type Synchronous = 'full' | 'normal'
const MODES: Synchronous[] = ['full', 'normal']
/** Measured booking rounds, FULL and NORMAL in turn: ABBA, so that a drift in the machine's load cancels out. */
const ROUND_ORDER: Synchronous[] = ['full', 'normal', 'normal', 'full']

interface Server {
  synchronous: Synchronous
  child: ChildProcess
  dir: string
  prepared: Prepared
  /** 201s per slot as clients saw them, for the overbooking check from the clients' side. */
  committedPerSlot: Map<string, number>
}

function startServer(synchronous: Synchronous): { child: ChildProcess; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `booking-bench-${synchronous}-`))
  const execArgv = [...(process.execArgv.length ? process.execArgv : ['--import', 'tsx'])]
  // BENCH_CPU_PROF=<dir> writes a CPU profile of each server process there, to find what a request spends time on.
  if (process.env.BENCH_CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`)
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: {
      ...process.env,
      BENCH_ROLE: 'server',
      BENCH_DB: path.join(dir, 'bench.db'),
      BENCH_SYNCHRONOUS: synchronous
    },
    execArgv
  })
  return { child, dir }
}

interface BookingRound {
  committed: number
  seconds: number
  result: LoadResult
  statuses: Map<number, number>
}

/** Each request books one planned (veteran, slot) with its own Idempotency-Key. */
async function bookingRound(server: Server, plan: PlannedBooking[], keyPrefix: string): Promise<BookingRound> {
  const statuses = new Map<number, number>()
  let lastAnswerAt = 0
  // From the first request to the last answer: autocannon notices that `amount` is reached only on its
  // one-second tick, so its own duration (and the wall time around it) is rounded up to whole seconds.
  const started = performance.now()
  const result = await autocannon({
    url: `http://127.0.0.1:${server.prepared.port}/api/v1/bookings`,
    connections: CONNECTIONS,
    amount: plan.length,
    timeout: 30,
    requests: [
      bookingRequest(
        plan,
        (i) => `${keyPrefix}-${i}`,
        (status, slotId) => {
          lastAnswerAt = performance.now()
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (status === 201) server.committedPerSlot.set(slotId, (server.committedPerSlot.get(slotId) ?? 0) + 1)
        }
      )
    ]
  })
  return { committed: statuses.get(201) ?? 0, seconds: (lastAnswerAt - started) / 1000, result, statuses }
}

/** Rounds of one server's booking measurement as one. */
function combineBookings(rounds: BookingRound[]) {
  const statuses = new Map<number, number>()
  for (const round of rounds)
    for (const [status, n] of round.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n)
  const committed = rounds.reduce((n, r) => n + r.committed, 0)
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0)
  return { committed, seconds, perSecond: committed / seconds, result: combine(rounds.map((r) => r.result)), statuses }
}

async function checkInvariant(server: Server) {
  server.child.send({ type: 'check' })
  const { invariant } = await waitFor(server.child, 'invariant')
  const clientOverbooked = [...server.committedPerSlot].filter(
    ([slotId, n]) => n > (server.prepared.capacities[slotId] ?? 0)
  ).length
  return { ...invariant, clientOverbooked }
}

async function main() {
  const started = Date.now()
  const launched = MODES.map((synchronous) => ({ synchronous, ...startServer(synchronous) }))
  const servers: Server[] = []
  try {
    // Both prepare at once (one core each); the measurements below run one at a time.
    const ready = await Promise.all(launched.map(({ child }) => waitFor(child, 'ready')))
    for (const [i, { synchronous, child, dir }] of launched.entries())
      servers.push({ synchronous, child, dir, prepared: ready[i]!.prepared, committedPerSlot: new Map() })
    const serverOf = (synchronous: Synchronous) => servers.find((s) => s.synchronous === synchronous)!
    const full = serverOf('full')
    console.log(
      `prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: ${full.prepared.plan.length} planned bookings over ${Object.keys(full.prepared.capacities).length} slots per server, databases ${servers.map((s) => `${s.dir}/bench.db`).join(', ')}`
    )
    const prepared = full.prepared
    const base = `http://127.0.0.1:${prepared.port}`
    const bare = `http://127.0.0.1:${prepared.barePort}/bare`

    // 1. Listing (on the FULL server: reads do not sync): warm both up, then measure in alternating one-second
    //    rounds, so that a change in the machine's load (other processes) falls on both alike.
    await measureGet(bare, null, WARMUP_SECONDS)
    await measureGet(base + prepared.slotsPath, prepared.readTokens, WARMUP_SECONDS)
    const bareRounds: LoadResult[] = []
    const slotsRounds: LoadResult[] = []
    // The same list asked for as a phone's browser asks (compressed answers accepted): what compression costs.
    const compressedRounds: LoadResult[] = []
    const asBrowser = { 'accept-encoding': 'gzip, deflate, br' }
    for (let round = 0; round < GET_SECONDS; round++) {
      bareRounds.push(await measureGet(bare, null, 1))
      slotsRounds.push(await measureGet(base + prepared.slotsPath, prepared.readTokens, 1))
      compressedRounds.push(await measureGet(base + prepared.slotsPath, prepared.readTokens, 1, asBrowser))
    }
    const bareResult = combine(bareRounds)
    const slotsResult = combine(slotsRounds)
    const compressedResult = combine(compressedRounds)
    if (slotsResult.non2xx > 0) throw new Error(`GET /slots answered ${slotsResult.non2xx} non-2xx responses`)

    // 2. Booking: the first BOOKING_WARMUP planned bookings of each server warm its path up; the rest are
    //    measured, split into the rounds of ROUND_ORDER.
    for (const server of servers) await bookingRound(server, server.prepared.plan.slice(0, BOOKING_WARMUP), 'warmup')
    const rounds = new Map<Synchronous, BookingRound[]>(MODES.map((mode) => [mode, []]))
    const roundsPerServer = ROUND_ORDER.length / MODES.length
    for (const synchronous of ROUND_ORDER) {
      const server = serverOf(synchronous)
      const measured = server.prepared.plan.slice(BOOKING_WARMUP)
      const index = rounds.get(synchronous)!.length
      const size = Math.ceil(measured.length / roundsPerServer)
      const plan = measured.slice(index * size, (index + 1) * size)
      rounds.get(synchronous)!.push(await bookingRound(server, plan, `bench-${index}`))
    }
    const booking = new Map(MODES.map((mode) => [mode, combineBookings(rounds.get(mode)!)]))

    // 3. Overbooking: from the clients' side (201s per slot) and from each database.
    const invariants = new Map<Synchronous, Awaited<ReturnType<typeof checkInvariant>>>()
    for (const server of servers) invariants.set(server.synchronous, await checkInvariant(server))

    const ratio = slotsResult.requests.average / bareResult.requests.average
    const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS')
    const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`
    const bookingRow = (synchronous: Synchronous) => {
      const { perSecond, result } = booking.get(synchronous)!
      const { synchronous: pragma } = invariants.get(synchronous)!
      return row([
        `POST /api/v1/bookings, ${CONNECTIONS} connections, synchronous = ${synchronous.toUpperCase()} (${pragma})`,
        `${perSecond.toFixed(0)} committed/s`,
        result.latency.p50,
        result.latency.p99,
        `≥ 1,500/s: ${mark(perSecond >= 1500)}; p99 ≤ 50 ms: ${mark(result.latency.p99 <= 50)}`
      ])
    }
    const fullVsNormal = booking.get('full')!.perSecond / booking.get('normal')!.perSecond
    const overbooking = [...invariants.values()].reduce(
      (n, i) => ({
        slots: n.slots + i.slots,
        overbooked: n.overbooked + i.overbooked + i.clientOverbooked,
        outOfStep: n.outOfStep + i.outOfStep
      }),
      { slots: 0, overbooked: 0, outOfStep: 0 }
    )
    const lines = [
      row(['measurement', 'req/s', 'p50 ms', 'p99 ms', 'result']),
      row(['---', '---:', '---:', '---:', '---']),
      row([
        `bare Fastify route, same JSON (${prepared.slotsBytes} B)`,
        bareResult.requests.average.toFixed(0),
        bareResult.latency.p50,
        bareResult.latency.p99,
        'baseline'
      ]),
      row([
        'GET /api/v1/slots (authenticated)',
        slotsResult.requests.average.toFixed(0),
        slotsResult.latency.p50,
        slotsResult.latency.p99,
        `${(ratio * 100).toFixed(0)} % of bare (target ≥ 50 %): ${mark(ratio >= 0.5)}`
      ]),
      row([
        `GET /api/v1/slots, compressed answers accepted (${prepared.compressedBytes} B on the wire)`,
        compressedResult.requests.average.toFixed(0),
        compressedResult.latency.p50,
        compressedResult.latency.p99,
        `${((compressedResult.requests.average / bareResult.requests.average) * 100).toFixed(0)} % of bare; ${(
          (compressedResult.requests.average / slotsResult.requests.average) *
          100
        ).toFixed(0)} % of uncompressed`
      ]),
      bookingRow('full'),
      bookingRow('normal'),
      row(['FULL vs NORMAL', `${(fullVsNormal * 100).toFixed(0)} % of NORMAL's committed/s`, '', '', 'printed']),
      row([
        'overbooking check (both databases)',
        `${overbooking.slots} slots`,
        '',
        '',
        `overbooked ${overbooking.overbooked}, out of step ${overbooking.outOfStep}: ${overbooking.overbooked + overbooking.outOfStep === 0 ? 'PASS' : 'FAIL'}`
      ])
    ]
    const journalModes = [...new Set([...invariants.values()].map((i) => i.journalMode))].join('/')
    console.log(`\nBooking benchmark (loopback, ${CONNECTIONS} connections, SQLite files in ${journalModes} mode)\n`)
    console.log(lines.join('\n'))
    for (const synchronous of MODES) {
      const { committed, seconds, result, statuses } = booking.get(synchronous)!
      const perRound = rounds
        .get(synchronous)!
        .map((r) => `${(r.committed / r.seconds).toFixed(0)}/s p99 ${r.result.latency.p99} ms`)
        .join(', ')
      console.log(
        `\n${synchronous.toUpperCase()}: ${committed} committed of ${result.requests.total} requests in ${seconds.toFixed(2)} s (rounds: ${perRound}); measured statuses ${JSON.stringify(Object.fromEntries(statuses))} (after ${BOOKING_WARMUP} warm-up bookings); ` +
          `${invariants.get(synchronous)!.activeBookings} bookings hold places in the database; errors ${result.errors}, timeouts ${result.timeouts}`
      )
    }
    const failed = overbooking.overbooked > 0 || overbooking.outOfStep > 0
    if (failed) console.error('\nOVERBOOKING FOUND')
    process.exitCode = failed ? 1 : 0
    recordResult('booking', { table: lines })
  } finally {
    for (const { child, dir } of launched) {
      if (child.exitCode === null) {
        child.send({ type: 'stop' })
        await new Promise((resolve) => child.once('exit', resolve))
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

runBenchRole({ serve, main })

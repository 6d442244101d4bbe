// Every main route of the BFF against what this machine can do at all, in one run on loopback:
//   - the storage limit: better-sqlite3 alone inserting rows (storage-limit.ts);
//   - each route (signed-in reads GET /me, /slots, /policies?q=, /notices; writes POST /bookings and
//     /threads/:id/messages, an Idempotency-Key and a request that can succeed each; routes-plan.ts) at 50
//     connections, against a bare Fastify route with the same URL, body and answer (routes-server.ts), in
//     alternating one-second rounds so that a change in the machine's load falls on both alike.
// Targets (2 cores): reads ≥ 50 % of their bare route's req/s, writes ≥ 35 %, every p99 ≤ 50 ms, the server's RSS
// ≤ 300 MB under load. Reported PASS/MISS; a request answered anything but 2xx exits 1.
// Figures go to results/routes.json (results.ts). Autocannon runs here, the servers in a child process.
// Run: cd tests && pnpm exec tsx bench/routes.bench.ts [part of a route's name, to measure only those]
//      (BENCH_CPU_PROF=<dir> also profiles the server process)
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { waitForMessage } from './child-messages'
import { CONNECTIONS, combine, loadRound, type Measured, type Round } from './load'
import { cpuMs, rssMb } from './proc'
import { recordResult } from './results'
import { plannedRoutes, type Route } from './routes-plan'
import { seedRoutesData, type Seeded } from './routes-seed'
import type { ServeRequest, ServerMessage } from './routes-server'
import { measureStorageLimit, type StorageLimit } from './storage-limit'

const ROUNDS = 3
const WARMUP_SECONDS = 1
const STORAGE_SECONDS = 1.5
const TARGETS = { read: 0.5, write: 0.35, p99Ms: 50, rssMb: 300 }

interface RouteResult {
  route: Route
  real: Measured
  bare: Measured
  peakRssMb: number
  /** Server CPU time per answered request, µs: less swayed by other processes on the machine than req/s. */
  cpuPerRequest: { real: number; bare: number }
}

const load = () => loadavg().map((n) => n.toFixed(2))

/** Starts the servers; the bare one learns the real answers of the reads' URLs first. */
async function startServers(dbFile: string, seeded: Seeded, routes: Route[]) {
  const execArgv = [...(process.execArgv.length ? process.execArgv : ['--import', 'tsx'])]
  if (process.env.BENCH_CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`)
  const server = fork(path.join(import.meta.dirname, 'routes-server.ts'), [], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_DB: dbFile },
    execArgv
  })
  const urlsOf = (route: Route) => {
    const urls = new Set<string>()
    for (let i = 0; urls.size < 20 && i < 200; i++) urls.add(route.request(i).path)
    return [...urls]
  }
  const reads = routes.filter((r) => r.kind === 'read')
  const ready = waitForMessage<ServerMessage, 'ready'>(server, 'ready')
  server.send({
    type: 'serve',
    samples: reads.flatMap((r) => urlsOf(r).map((url) => ({ url, token: seeded.readers[0]! }))),
    bookingAnswer: seeded.bookingAnswer,
    messageAnswer: seeded.messageAnswer
  } satisfies ServeRequest)
  const { port, barePort, bytes } = await ready
  // The size of each read's answers (bytes, smallest–largest), to read the figures by.
  const answerBytes = Object.fromEntries(
    reads.map((r) => {
      const sizes = urlsOf(r).map((url) => bytes[url]!)
      const [min, max] = [Math.min(...sizes), Math.max(...sizes)]
      return [r.name, min === max ? `${min}` : `${min}–${max}`]
    })
  )
  return { server, port, barePort, answerBytes }
}

/** A route and its bare twin: a warm-up of each, then ROUNDS alternating rounds. */
async function measure(route: Route, ports: { real: number; bare: number }, serverPid: number): Promise<RouteResult> {
  const method = route.kind === 'read' ? 'GET' : 'POST'
  const bareRound = (seconds: number) => loadRound(ports.bare, method, route.request, { seconds })
  // Reads: the same requests for the same time. Writes: a fixed number of new requests, timed to the last answer.
  const realRound = (warmup: boolean) =>
    route.fresh
      ? loadRound(ports.real, method, route.fresh.next, { amount: warmup ? route.fresh.warmup : route.fresh.round })
      : loadRound(ports.real, method, route.request, { seconds: warmup ? WARMUP_SECONDS : 1 })
  let peakRssMb = 0
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(serverPid))), 50)
  try {
    await bareRound(WARMUP_SECONDS)
    await realRound(true)
    const rounds = { real: [] as Round[], bare: [] as Round[] }
    const cpu = { real: 0, bare: 0 }
    const timed = async (kind: 'real' | 'bare', round: () => Promise<Round>) => {
      const before = cpuMs(serverPid)
      rounds[kind].push(await round())
      cpu[kind] += cpuMs(serverPid) - before
    }
    for (let round = 0; round < ROUNDS; round++) {
      await timed('bare', () => bareRound(1))
      await timed('real', () => realRound(false))
    }
    const [real, bare] = [combine(rounds.real), combine(rounds.bare)]
    const cpuPerRequest = { real: (cpu.real * 1000) / real.total, bare: (cpu.bare * 1000) / bare.total }
    return { route, real, bare, peakRssMb, cpuPerRequest }
  } finally {
    clearInterval(sampler)
  }
}

/** The figures as a Markdown table, a row per route and one for the storage limit. */
function table(results: RouteResult[], storage: StorageLimit) {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS')
  const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`
  const columns = [
    'route',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'bare req/s',
    'bare p99 ms',
    'of bare',
    'server CPU µs/req (bare)'
  ]
  const lines = [
    row([...columns, 'peak RSS MB', 'result']),
    row(['---', ...columns.slice(1).map(() => '---:'), '---:', '---'])
  ]
  for (const { route, real, bare, peakRssMb, cpuPerRequest } of results) {
    const ratio = real.perSecond / bare.perSecond
    const target = TARGETS[route.kind]
    lines.push(
      row([
        route.name,
        real.perSecond.toFixed(0),
        real.p50.toFixed(1),
        real.p99.toFixed(0),
        real.non2xx + real.errors,
        bare.perSecond.toFixed(0),
        bare.p99.toFixed(0),
        `${(ratio * 100).toFixed(0)} %`,
        `${cpuPerRequest.real.toFixed(0)} (${cpuPerRequest.bare.toFixed(0)})`,
        peakRssMb.toFixed(0),
        `≥ ${target * 100} %: ${mark(ratio >= target)}; p99: ${mark(real.p99 <= TARGETS.p99Ms)}; ` +
          `RSS: ${mark(peakRssMb <= TARGETS.rssMb)}`
      ])
    )
  }
  const limit = `${storage.singleFull.toFixed(0)} / ${storage.singleNormal.toFixed(0)}; ${storage.batched.toFixed(0)}`
  lines.push(
    row([
      'storage limit, rows/s: better-sqlite3 single inserts in WAL, FULL / NORMAL; in one transaction',
      limit,
      ...Array.from({ length: columns.length - 2 }, () => ''),
      '',
      ''
    ])
  )
  return lines
}

async function main() {
  const loadAtStart = load()
  const dir = mkdtempSync(path.join(tmpdir(), 'routes-bench-'))
  const dbFile = path.join(dir, 'bench.db')
  let server: ChildProcess | null = null
  try {
    const storage = measureStorageLimit(dir, STORAGE_SECONDS)
    let started = performance.now()
    const seeded = await seedRoutesData(dbFile)
    const seedSeconds = (performance.now() - started) / 1000
    console.log(
      `seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}; load ${loadAtStart.join(' ')}`
    )

    const only = process.argv[2]
    const routes = plannedRoutes(seeded).filter((r) => !only || r.name.includes(only))
    const servers = await startServers(dbFile, seeded, routes)
    server = servers.server
    const { port, barePort, answerBytes } = servers
    const rssWhenReady = rssMb(server.pid!)

    started = performance.now()
    const results: RouteResult[] = []
    for (const route of routes) {
      const result = await measure(route, { real: port, bare: barePort }, server.pid!)
      console.log(
        `${route.name}: ${result.real.perSecond.toFixed(0)} req/s vs bare ${result.bare.perSecond.toFixed(0)}; ` +
          `p99 ${result.real.p99} ms (bare ${result.bare.p99} ms); statuses ${JSON.stringify(result.real.statuses)}`
      )
      results.push(result)
    }
    const measureSeconds = (performance.now() - started) / 1000

    const lines = table(results, storage)
    const loadAtEnd = load()
    console.log(
      `\nRoutes benchmark (loopback, ${CONNECTIONS} connections, the real BFF from source with tsx, ` +
        `NODE_ENV=production, SQLite file in WAL mode, synchronous FULL)\n`
    )
    console.log(lines.join('\n'))
    console.log(
      `\nserver RSS ${rssWhenReady.toFixed(0)} MB when ready; measured for ${measureSeconds.toFixed(0)} s; ` +
        `answer sizes (bytes) ${JSON.stringify(answerBytes)}; load average ${loadAtStart.join(' ')} at start, ` +
        `${loadAtEnd.join(' ')} at end`
    )
    recordResult('routes', {
      table: lines,
      conditions:
        `loopback, ${CONNECTIONS} connections, the real BFF from source (tsx) with NODE_ENV=production, ` +
        `LOG_LEVEL=warn, RATE_LIMITS=off, SQLite file (WAL, synchronous FULL); bare route = same Fastify, URL, ` +
        `body and answer; ${ROUNDS} alternating rounds per route after a warm-up; p50 mean of rounds, p99 worst round`,
      seeded: seeded.counts,
      answerBytes,
      writeStatuses: Object.fromEntries(
        results.filter((r) => r.route.kind === 'write').map((r) => [r.route.name, r.real.statuses])
      ),
      serverRssMb: {
        whenReady: Math.round(rssWhenReady),
        peak: Math.round(Math.max(...results.map((r) => r.peakRssMb)))
      }
    })
    const refused = results.filter((r) => r.real.non2xx + r.real.errors > 0)
    if (refused.length > 0) {
      console.error(`\nrequests not answered 2xx: ${refused.map((r) => r.route.name).join(', ')}`)
      process.exitCode = 1
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve))
      server.send({ type: 'stop' })
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: Error) => {
  console.error(error)
  process.exit(1)
})

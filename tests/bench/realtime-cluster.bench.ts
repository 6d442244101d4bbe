// Realtime delivery across BFF instances (loopback): two instances in child processes share one database (a SQLite
// file, or with BENCH_DATABASE=postgres a PostgreSQL database of the run's own, see postgres-database.ts) and one
// Redis (a key/channel prefix of this run's own). RESIDENTS residents hold a WebSocket each on instance A; staff
// replies are posted at REPLIES_PER_SECOND, first through A itself (one instance: the in-process fan-out path), then
// through B (the message reaches A's sockets through Redis). The figure is the time from sending a reply to its
// message.created frame on the resident's socket (target for the cross-instance path: p99 ≤ 50 ms). Every reply
// answered 2xx must reach its resident's socket, and only theirs; else the bench exits 1.
// Needs Redis at REDIS_URL (default redis://127.0.0.1:6379). Rate limits are off (every request is from 127.0.0.1).
// Run: cd tests && npx tsx bench/realtime-cluster.bench.ts (BENCH_DATABASE=postgres … for PostgreSQL)
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runBenchRole, waitForMessage } from './child-messages'
import {
  closeHttpClients,
  closeSockets,
  connectResident,
  FrameLedger,
  postJson,
  quantile,
  type ResidentSocket
} from './messaging-clients'
import { createBenchDatabase, type BenchDatabase } from './postgres-database'
import { recordResult } from './results'

const RESIDENTS = 300
const CONNECT_BATCH = 100
const REPLIES_PER_SECOND = 50
const WARMUP_SECONDS = 2
const WINDOW_SECONDS = 10
/** How long frames may still arrive after the last reply was answered before they count as lost. */
const FRAME_GRACE_MS = 5000
const TARGET_P99_MS = 50
const ON_POSTGRES = process.env.BENCH_DATABASE === 'postgres'
const MESSAGE = '您好，请问退役金每月几号发放？我上个月的还没有到账。'

interface Resident {
  token: string
  threadId: string
}
interface Prepared {
  staffToken: string
  residents: Resident[]
}

type Message = { type: 'ready'; port: number; prepared: Prepared | null } | { type: 'error'; message: string }

// ------------------------------------------------------------------------------------------------------------
// Child: one BFF instance. A (BENCH_INSTANCE=a) seeds the demo data and prepares the residents' threads; B starts
// on the database A left, as a second instance of a deployment does.

async function serve() {
  const { buildApp } = await import('@veterans/bff')
  const { testConfig, signInStaff, signInWechat } = await import('@veterans/bff/testing')
  const first = process.env.BENCH_INSTANCE === 'a'
  const app = await buildApp(
    testConfig({
      DATABASE_URL: process.env.BENCH_DB,
      SEED: first ? 'demo' : 'none',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX,
      BACKUP_HOUR: 'off',
      LOG_LEVEL: 'silent',
      RATE_LIMITS: 'off'
    })
  )
  await app.ready()
  let prepared: Prepared | null = null
  if (first) {
    const staff = await signInStaff(app, 'city')
    const residents: Resident[] = []
    for (let start = 0; start < RESIDENTS; start += 50) {
      residents.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, RESIDENTS - start) }, async (_, k) => {
            const i = start + k
            const session = await signInWechat(app, `bench-realtime-cluster-${i}`)
            const response = await session.request({
              method: 'POST',
              url: '/api/v1/threads',
              payload: { category: 'pension', subject: `退役金发放咨询 ${i}`, body: MESSAGE }
            })
            if (response.statusCode !== 201) throw new Error(`prepare: ${response.statusCode} ${response.body}`)
            return { token: session.accessToken, threadId: (JSON.parse(response.body) as { id: string }).id }
          })
        ))
      )
    }
    prepared = { staffToken: staff.accessToken, residents }
  }
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as { port: number }).port
  process.send!({ type: 'ready', port, prepared } satisfies Message)
  process.on('message', async (message: { type: string }) => {
    if (message.type !== 'stop') return
    await app.close()
    process.exit(0)
  })
}

// ------------------------------------------------------------------------------------------------------------
// Parent: sockets on A, paced replies through A or B, delays

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Phase {
  delays: number[]
  replies: number
  failed: number
  lost: number
}

/** Staff replies at a steady pace through the instance on `port` for `seconds`; delays counted when `measured`. */
async function replies(
  port: number,
  prepared: Prepared,
  ledger: FrameLedger,
  label: string,
  seconds: number,
  measured: boolean
): Promise<Phase> {
  const inFlight: Promise<void>[] = []
  let sent = 0
  let failed = 0
  const started = performance.now()
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Math.min(seconds, (performance.now() - started) / 1000)
      while (sent < Math.floor(elapsed * REPLIES_PER_SECOND)) {
        const k = sent++
        // 37 and RESIDENTS share no factor: consecutive replies go to different threads.
        const resident = prepared.residents[(k * 37) % RESIDENTS]!
        const body = `您好，退役金每月 10 日前发放。（${label} 回复 ${k}）`
        ledger.expect(body, { threadId: resident.threadId, sentAt: performance.now(), reply: true, measured })
        const path = `/api/v1/staff/threads/${resident.threadId}/messages`
        inFlight.push(
          postJson(port, path, prepared.staffToken, `${label}-${k}`, { body }).then(
            ({ status }) => {
              if (status >= 200 && status < 300) return
              failed++
              ledger.forget(body)
            },
            () => {
              failed++
              ledger.forget(body)
            }
          )
        )
      }
      if (elapsed >= seconds) {
        clearInterval(timer)
        resolve()
      }
    }, 5)
  })
  await Promise.all(inFlight)
  const graceUntil = performance.now() + FRAME_GRACE_MS
  while (ledger.outstanding('reply') > 0 && performance.now() < graceUntil) await sleep(20)
  const lost = ledger.outstanding('reply')
  ledger.awaited.clear()
  return { delays: ledger.replyDelays.splice(0), replies: sent, failed, lost }
}

function startInstance(name: 'a' | 'b', db: string, prefix: string) {
  return fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_ROLE: 'server', BENCH_INSTANCE: name, BENCH_DB: db, BENCH_REDIS_PREFIX: prefix },
    execArgv: process.execArgv.length ? process.execArgv : ['--import', 'tsx']
  })
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  child.send({ type: 'stop' })
  await new Promise((resolve) => child.once('exit', resolve))
}

async function main() {
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')
  const loadAtStart = load()
  const dir = mkdtempSync(path.join(tmpdir(), 'realtime-cluster-bench-'))
  const postgres: BenchDatabase | null = ON_POSTGRES ? await createBenchDatabase() : null
  const db = postgres?.url ?? `file:${path.join(dir, 'bench.db')}`
  const prefix = `bench:realtime-cluster:${randomBytes(6).toString('hex')}:`
  const children: ChildProcess[] = []
  const sockets: ResidentSocket[] = []
  const ledger = new FrameLedger()
  try {
    const started = Date.now()
    const a = startInstance('a', db, prefix)
    children.push(a)
    const readyA = await waitForMessage<Message, 'ready'>(a, 'ready')
    const b = startInstance('b', db, prefix)
    children.push(b)
    const readyB = await waitForMessage<Message, 'ready'>(b, 'ready')
    const prepared = readyA.prepared!
    for (let start = 0; start < RESIDENTS; start += CONNECT_BATCH) {
      const batch = prepared.residents.slice(start, start + CONNECT_BATCH)
      sockets.push(
        ...(await Promise.all(batch.map((r) => connectResident(readyA.port, r.token, r.threadId, ledger, 20_000))))
      )
    }
    console.log(
      `prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: two instances, ${sockets.length} resident sockets on A; load average ${loadAtStart}`
    )

    await replies(readyA.port, prepared, ledger, 'warm-a', WARMUP_SECONDS, false)
    await replies(readyB.port, prepared, ledger, 'warm-b', WARMUP_SECONDS, false)
    const single = await replies(readyA.port, prepared, ledger, 'single', WINDOW_SECONDS, true)
    const cross = await replies(readyB.port, prepared, ledger, 'cross', WINDOW_SECONDS, true)

    const ms = (n: number) => n.toFixed(1)
    const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`
    const crossP99 = quantile(cross.delays, 0.99)
    const phaseRow = (what: string, phase: Phase, result: string) =>
      row([
        what,
        `${phase.delays.length} of ${phase.replies} (non-2xx ${phase.failed}, lost ${phase.lost})`,
        ms(quantile(phase.delays, 0.5)),
        ms(quantile(phase.delays, 0.99)),
        ms(Math.max(...phase.delays)),
        result
      ])
    const lines = [
      row([
        'staff reply → message.created on the resident socket (on A)',
        'replies',
        'p50 ms',
        'p99 ms',
        'max ms',
        'result'
      ]),
      row(['---', '---:', '---:', '---:', '---:', '---']),
      phaseRow(`one instance: reply posted to A, ${REPLIES_PER_SECOND}/s`, single, 'baseline'),
      phaseRow(
        `across instances: reply posted to B (via Redis), ${REPLIES_PER_SECOND}/s`,
        cross,
        `p99 ≤ ${TARGET_P99_MS} ms: ${crossP99 <= TARGET_P99_MS ? 'PASS' : 'MISS'}`
      ),
      row([
        'frames to the wrong resident',
        ledger.misdelivered,
        '',
        '',
        '',
        ledger.misdelivered === 0 ? 'PASS' : 'FAIL'
      ])
    ]
    console.log(
      `\nRealtime delivery across instances (loopback, 2 BFF processes, one ${postgres ? 'PostgreSQL database' : 'SQLite file'}, Redis; ${RESIDENTS} residents, ` +
        `${WINDOW_SECONDS} s windows after ${WARMUP_SECONDS} s warm-ups)\n`
    )
    console.log(lines.join('\n'))
    console.log(
      `\nresident frames ${ledger.received} (unexpected ${ledger.unexpected}); load average ${loadAtStart} at start, ${load()} at end`
    )
    const failed =
      ledger.misdelivered > 0 || single.lost + cross.lost > 0 || single.failed + cross.failed > 0 || !sockets.length
    if (failed) console.error('\nMISDELIVERED, LOST OR REFUSED REPLIES FOUND')
    process.exitCode = failed ? 1 : 0
    recordResult(postgres ? 'realtime-cluster-postgres' : 'realtime-cluster', { table: lines })
  } finally {
    await closeSockets(sockets.map((s) => s.socket))
    closeHttpClients()
    for (const child of children.reverse()) await stop(child)
    await postgres?.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}

runBenchRole({ serve, main })

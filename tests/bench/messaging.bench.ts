// Messaging benchmark on loopback (the clients in this process, the servers in a child):
//   1. 1,000 residents, each with a thread of their own, signed in on a WebSocket each; the server's memory per
//      idle connection (RSS and heap after a full GC, before and after connecting);
//   2. while residents post 200 messages/s across their threads, staff reply to a sample of threads: the time from
//      sending a reply to its message.created frame on the resident's socket (target p99 ≤ 50 ms). Every frame a
//      resident receives must be for their own thread, and every answered post and reply must reach its socket;
//   3. POST /api/v1/threads/:id/messages at 50 connections, an Idempotency-Key each, against a bare Fastify POST
//      route with the same body in the same run (target ≥ 50 % of its req/s);
// then every message answered 2xx must be in the database, in its thread. Speed targets are reported PASS/MISS;
// a misdelivered or lost frame, or a lost message, exits 1.
// Rate limits are off (RATE_LIMITS=off, as in booking.bench.ts: every request comes from 127.0.0.1). The per-person
// socket cap (5) is not reached: one socket per resident. Heartbeat and auth deadline keep their defaults.
// Run: cd tests && pnpm exec tsx bench/messaging.bench.ts   (BENCH_CPU_PROF=<dir> also profiles the server process;
// DB_SYNCHRONOUS=normal runs the server's database at NORMAL instead of the default FULL)
import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { runBenchRole, waitForMessage } from './child-messages'
import { recordResult } from './results'
import {
  closeHttpClients,
  closeSockets,
  connectCounter,
  connectResident,
  FrameLedger,
  postJson,
  quantile,
  type HttpAnswer,
  type ResidentSocket
} from './messaging-clients'

// autocannon ships no types; this is the part of its API used here.
interface LoadRequest {
  method?: string
  setupRequest?: (
    request: { path?: string; headers?: Record<string, string>; body?: string },
    context: Record<string, unknown>
  ) => unknown
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
interface LoadResult {
  requests: { total: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
type Autocannon = (options: {
  url: string
  connections: number
  amount: number
  timeout?: number
  requests: LoadRequest[]
}) => Promise<LoadResult>

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon

const RESIDENTS = 1000
/** Sockets connecting at once while the residents sign in. */
const CONNECT_BATCH = 100
const POSTS_PER_SECOND = 200
const REPLIES_PER_SECOND = 20
const WARMUP_SECONDS = 2
const WINDOW_SECONDS = 10
/** How long frames may still arrive after the last post was answered before they count as lost. */
const FRAME_GRACE_MS = 5000
const CONNECTIONS = 50
const THROUGHPUT_ROUNDS = 4
const POSTS_PER_ROUND = 1500
const BARE_PER_ROUND = 4000
const MESSAGE = '您好，请问退役金每月几号发放？我上个月的还没有到账，需要带哪些材料去服务中心？'

interface Resident {
  token: string
  threadId: string
}
interface Prepared {
  port: number
  barePort: number
  staffToken: string
  residents: Resident[]
}
interface Memory {
  rss: number
  heapUsed: number
  connections: number
}
interface LoopDelay {
  p50: number
  p99: number
  max: number
}
interface Stored {
  checked: number
  missing: number
  wrongThread: number
}

type Message =
  | { type: 'ready'; prepared: Prepared }
  | { type: 'memory'; memory: Memory }
  | { type: 'loop-delay'; delay: LoopDelay }
  | { type: 'stored'; stored: Stored }
  | { type: 'error'; message: string }

// ------------------------------------------------------------------------------------------------------------
// Child: the servers and their data

async function serve() {
  const { buildApp } = await import('@veterans/bff')
  const { testConfig, signInStaff, signInWechat } = await import('@veterans/bff/testing')
  // Fastify as the BFF itself resolves it, for the bare baseline route.
  const Fastify = createRequire(require.resolve('@veterans/bff'))('fastify') as (options: { logger: boolean }) => {
    post(
      url: string,
      handler: (
        request: { body: unknown },
        reply: { code(status: number): { send(body: unknown): unknown } }
      ) => Promise<unknown>
    ): void
    listen(options: { port: number; host: string }): Promise<string>
    close(): Promise<void>
    server: { address(): unknown }
  }

  const app = await buildApp(
    testConfig({
      DATABASE_URL: `file:${process.env.BENCH_DB}`,
      LOG_LEVEL: 'silent',
      RATE_LIMITS: 'off',
      DB_SYNCHRONOUS: process.env.DB_SYNCHRONOUS
    })
  )
  await app.ready()
  const json = <T>(r: { statusCode: number; body: string }, expected: number): T => {
    if (r.statusCode !== expected)
      throw new Error(`prepare: expected ${expected}, got ${r.statusCode} ${r.body.slice(0, 300)}`)
    return JSON.parse(r.body) as T
  }

  // Staff of the city-level center answer every center's threads; residents not bound to a veteran ask the
  // city-level center.
  const staff = await signInStaff(app, 'city')
  const residents: Resident[] = []
  for (let start = 0; start < RESIDENTS; start += 50) {
    residents.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, RESIDENTS - start) }, async (_, k) => {
          const i = start + k
          const session = await signInWechat(app, `bench-messaging-${i}`)
          const thread = json<{ id: string }>(
            await session.request({
              method: 'POST',
              url: '/api/v1/threads',
              payload: { category: 'pension', subject: `退役金发放咨询 ${i}`, body: MESSAGE }
            }),
            201
          )
          return { token: session.accessToken, threadId: thread.id }
        })
      ))
    )
  }
  await app.listen({ port: 0, host: '127.0.0.1' })

  // The bare route: Fastify alone, taking the same body and answering a message of the same shape.
  const bare = Fastify({ logger: false })
  let seq = 0
  bare.post('/bare/threads/:id/messages', async (request, reply) =>
    reply.code(201).send({
      id: randomUUID(),
      seq: ++seq,
      authorRole: 'resident',
      authorName: '微信用户',
      body: (request.body as { body: string }).body,
      attachments: [],
      createdAt: new Date().toISOString()
    })
  )
  await bare.listen({ port: 0, host: '127.0.0.1' })

  const portOf = (server: { server: { address(): unknown } }) => (server.server.address() as { port: number }).port
  process.send!({
    type: 'ready',
    prepared: { port: portOf(app), barePort: portOf(bare), staffToken: staff.accessToken, residents }
  } satisfies Message)

  const loop = monitorEventLoopDelay({ resolution: 5 })
  const gc = (globalThis as { gc?: () => void }).gc
  const sqlite = (app.db as unknown as { $client: { prepare(sql: string): { get(...args: unknown[]): unknown } } })
    .$client

  process.on('message', async (message: { type: string; written?: [string, string][] }) => {
    if (message.type === 'memory') {
      // Settled after full collections, so that the difference is what the connections keep.
      for (let i = 0; i < 3; i++) {
        gc?.()
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const { rss, heapUsed } = process.memoryUsage()
      process.send!({
        type: 'memory',
        memory: { rss, heapUsed, connections: app.realtime.connectionCount() }
      } satisfies Message)
    }
    if (message.type === 'loop-start') {
      loop.reset()
      loop.enable()
    }
    if (message.type === 'loop-stop') {
      loop.disable()
      const ms = (ns: number) => ns / 1e6
      process.send!({
        type: 'loop-delay',
        delay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) }
      } satisfies Message)
    }
    if (message.type === 'check') {
      // Read-only, straight from the database file the server wrote.
      const find = sqlite.prepare('SELECT thread_id AS threadId FROM thread_messages WHERE id = ?')
      const stored: Stored = { checked: 0, missing: 0, wrongThread: 0 }
      for (const [id, threadId] of message.written ?? []) {
        stored.checked++
        const row = find.get(id) as { threadId: string } | undefined
        if (!row) stored.missing++
        else if (row.threadId !== threadId) stored.wrongThread++
      }
      process.send!({ type: 'stored', stored } satisfies Message)
    }
    if (message.type === 'stop') {
      await bare.close()
      await app.close()
      process.exit(0)
    }
  })
}

// ------------------------------------------------------------------------------------------------------------
// Parent: clients, load, measure, report

const waitFor = <T extends Message['type']>(child: ChildProcess, type: T) => waitForMessage<Message, T>(child, type)

function ask<T extends Message['type']>(child: ChildProcess, request: object, answer: T) {
  const answered = waitFor(child, answer)
  child.send(request)
  return answered
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Messages answered 2xx, with their thread: all of them must be in the database afterwards. */
const written: [string, string][] = []

/** Residents post and staff reply at a steady pace; frames are checked by the ledger as they arrive. */
class PacedLoad {
  private posts = 0
  private replies = 0
  private readonly inFlight = new Set<Promise<void>>()
  readonly statuses = new Map<string, number>()
  readonly postDelays: number[] = []
  readonly replyAnswerDelays: number[] = []

  constructor(
    private readonly prepared: Prepared,
    private readonly ledger: FrameLedger
  ) {}

  /** Sends at the pace for `seconds`, then waits for every answer. Delays are recorded when `measured`. */
  async run(seconds: number, measured: boolean) {
    const postsBefore = this.posts
    const repliesBefore = this.replies
    const started = performance.now()
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = Math.min(seconds, (performance.now() - started) / 1000)
        while (this.posts - postsBefore < Math.floor(elapsed * POSTS_PER_SECOND)) this.post(this.posts++, measured)
        while (this.replies - repliesBefore < Math.floor(elapsed * REPLIES_PER_SECOND))
          this.reply(this.replies++, measured)
        if (elapsed >= seconds) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
    })
    await Promise.all(this.inFlight)
    return { posts: this.posts - postsBefore, replies: this.replies - repliesBefore }
  }

  private post(n: number, measured: boolean) {
    const resident = this.prepared.residents[n % RESIDENTS]!
    const body = `${MESSAGE}（${n}）`
    const sentAt = performance.now()
    this.ledger.expect(body, { threadId: resident.threadId, sentAt, reply: false, measured })
    this.track(
      'resident post',
      postJson(this.prepared.port, `/api/v1/threads/${resident.threadId}/messages`, resident.token, `post-${n}`, {
        body
      }),
      body,
      resident.threadId,
      (delay) => measured && this.postDelays.push(delay)
    )
  }

  private reply(k: number, measured: boolean) {
    // 37 and 1,000 share no factor: the first 1,000 replies go to 1,000 different threads.
    const resident = this.prepared.residents[(k * 37) % RESIDENTS]!
    const body = `您好，退役金每月 10 日前发放，未到账请携带身份证和退役证到服务中心核对。（回复 ${k}）`
    const sentAt = performance.now()
    this.ledger.expect(body, { threadId: resident.threadId, sentAt, reply: true, measured })
    this.track(
      'staff reply',
      postJson(
        this.prepared.port,
        `/api/v1/staff/threads/${resident.threadId}/messages`,
        this.prepared.staffToken,
        `reply-${k}`,
        { body }
      ),
      body,
      resident.threadId,
      (delay) => measured && this.replyAnswerDelays.push(delay)
    )
  }

  private track(
    what: string,
    answer: Promise<HttpAnswer>,
    body: string,
    threadId: string,
    onDelay: (ms: number) => void
  ) {
    const sentAt = performance.now()
    const settled = answer.then(
      ({ status, body: text }) => {
        onDelay(performance.now() - sentAt)
        this.count(`${what} ${status}`)
        if (status >= 200 && status < 300) written.push([(JSON.parse(text) as { id: string }).id, threadId])
        else this.ledger.forget(body)
      },
      () => {
        this.count(`${what} error`)
        this.ledger.forget(body)
      }
    )
    this.inFlight.add(settled)
    void settled.then(() => this.inFlight.delete(settled))
  }

  private count(key: string) {
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1)
  }
}

interface Round {
  result: LoadResult
  seconds: number
}

/** One bounded burst of posts, each with its own Idempotency-Key, timed from the first request to the last answer. */
async function postBurst(port: number, residents: Resident[], bare: boolean, amount: number, keyPrefix: string) {
  let n = 0
  let lastAnswerAt = 0
  const started = performance.now()
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const i = n++
          const resident = residents[i % residents.length]!
          context.threadId = resident.threadId
          request.path = `${bare ? '/bare' : '/api/v1'}/threads/${resident.threadId}/messages`
          request.headers = {
            ...request.headers,
            'content-type': 'application/json',
            authorization: `Bearer ${resident.token}`,
            'idempotency-key': `${keyPrefix}-${i}`
          }
          request.body = JSON.stringify({ body: `${MESSAGE}（${keyPrefix}-${i}）` })
          return request
        },
        onResponse: (status, body, context) => {
          lastAnswerAt = performance.now()
          if (!bare && status === 201) written.push([(JSON.parse(body) as { id: string }).id, String(context.threadId)])
        }
      }
    ]
  })
  // autocannon notices that `amount` is reached only on its one-second tick: its own duration is rounded up.
  return { result, seconds: (lastAnswerAt - started) / 1000 } satisfies Round
}

/** Rounds of one measurement as one: requests over total time; latency percentiles as the mean of the rounds'. */
function combine(rounds: Round[]) {
  const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0)
  const total = sum((r) => r.result.requests.total)
  return {
    total,
    perSecond: total / sum((r) => r.seconds),
    p50: sum((r) => r.result.latency.p50) / rounds.length,
    p99: sum((r) => r.result.latency.p99) / rounds.length,
    non2xx: sum((r) => r.result.non2xx),
    errors: sum((r) => r.result.errors + r.result.timeouts)
  }
}

async function main() {
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')
  const loadAtStart = load()
  const dir = mkdtempSync(path.join(tmpdir(), 'messaging-bench-'))
  const execArgv = [...(process.execArgv.length ? process.execArgv : ['--import', 'tsx']), '--expose-gc']
  if (process.env.BENCH_CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`)
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_ROLE: 'server', BENCH_DB: path.join(dir, 'bench.db') },
    execArgv
  })
  const ledger = new FrameLedger()
  const sockets: ResidentSocket[] = []
  let staffSocket: Awaited<ReturnType<typeof connectCounter>> | null = null
  try {
    const started = Date.now()
    const { prepared } = await waitFor(child, 'ready')
    const { port } = prepared
    console.log(
      `prepared in ${((Date.now() - started) / 1000).toFixed(1)} s: ${prepared.residents.length} residents with a thread each; load average ${loadAtStart}`
    )

    // 1. Connections and their memory. The staff inbox's socket is open before the first figure.
    staffSocket = await connectCounter(port, prepared.staffToken, 10_000)
    const before = (await ask(child, { type: 'memory' }, 'memory')).memory
    const connectStarted = performance.now()
    for (let start = 0; start < prepared.residents.length; start += CONNECT_BATCH) {
      const batch = prepared.residents.slice(start, start + CONNECT_BATCH)
      sockets.push(...(await Promise.all(batch.map((r) => connectResident(port, r.token, r.threadId, ledger, 20_000)))))
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000
    await sleep(1000)
    const after = (await ask(child, { type: 'memory' }, 'memory')).memory
    const connected = after.connections - before.connections
    const rssPerConnection = (after.rss - before.rss) / connected
    const heapPerConnection = (after.heapUsed - before.heapUsed) / connected

    // 2. Replies under load: a warm-up at the same pace, then the measured window.
    const paced = new PacedLoad(prepared, ledger)
    await paced.run(WARMUP_SECONDS, false)
    child.send({ type: 'loop-start' })
    const windowStart = performance.now()
    const sent = await paced.run(WINDOW_SECONDS, true)
    const windowSeconds = (performance.now() - windowStart) / 1000
    const { delay: loopDelay } = await ask(child, { type: 'loop-stop' }, 'loop-delay')
    const graceUntil = performance.now() + FRAME_GRACE_MS
    while (ledger.awaited.size > 0 && performance.now() < graceUntil) await sleep(50)
    const heartbeats = sockets[0]!.pings.filter((t) => t >= windowStart && t <= windowStart + windowSeconds * 1000)
    const lostReplies = ledger.outstanding('reply')
    const lostEchoes = ledger.outstanding('echo')
    const staffFrames = staffSocket.frames()
    const delays = ledger.replyDelays

    // 3. Throughput of posting, sockets closed (the load generator then does nothing else), against the bare
    //    route, in alternating rounds so that a change in the machine's load falls on both alike.
    await closeSockets([...sockets.map((s) => s.socket), staffSocket.socket])
    sockets.length = 0
    staffSocket = null
    await postBurst(prepared.barePort, prepared.residents, true, BARE_PER_ROUND / 2, 'bare-warmup')
    await postBurst(port, prepared.residents, false, POSTS_PER_ROUND, 'warmup')
    const bareRounds: Round[] = []
    const postRounds: Round[] = []
    for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
      bareRounds.push(await postBurst(prepared.barePort, prepared.residents, true, BARE_PER_ROUND, `bare-${round}`))
      postRounds.push(await postBurst(port, prepared.residents, false, POSTS_PER_ROUND, `round-${round}`))
    }
    const bareResult = combine(bareRounds)
    const postResult = combine(postRounds)

    // Every message answered 2xx is stored, in its thread.
    const { stored } = await ask(child, { type: 'check', written }, 'stored')

    const ratio = postResult.perSecond / bareResult.perSecond
    const replyP99 = quantile(delays, 0.99)
    const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS')
    const ms = (n: number) => n.toFixed(1)
    const perRound = (rounds: Round[]) => rounds.map((r) => (r.result.requests.total / r.seconds).toFixed(0)).join('/')
    const p99s = (rounds: Round[]) => rounds.map((r) => r.result.latency.p99).join('/')
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
    const kb = (bytes: number) => (bytes / 1024).toFixed(1)
    const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`
    const lost = lostReplies + lostEchoes + stored.missing + stored.wrongThread
    const lines = [
      row(['measurement', 'figure', 'p50 ms', 'p99 ms', 'max ms', 'result']),
      row(['---', '---:', '---:', '---:', '---:', '---']),
      row([
        'authenticated WebSockets (one per resident)',
        `${connected} in ${connectSeconds.toFixed(1)} s`,
        '',
        '',
        '',
        connected === RESIDENTS ? 'all ready' : `FAIL: ${connected} of ${RESIDENTS}`
      ]),
      row([
        'server memory per idle connection (after a full GC)',
        `RSS +${mb(after.rss - before.rss)} MB = ${kb(rssPerConnection)} KB`,
        '',
        '',
        '',
        // RSS first reuses pages the preparation freed, so the heap's growth is the steadier figure.
        `heap +${mb(after.heapUsed - before.heapUsed)} MB = ${kb(heapPerConnection)} KB/connection`
      ]),
      row([
        `staff reply → message.created on the resident's socket, ${POSTS_PER_SECOND} posts/s + ${REPLIES_PER_SECOND} replies/s`,
        `${delays.length} replies`,
        ms(quantile(delays, 0.5)),
        ms(replyP99),
        ms(Math.max(...delays)),
        `p99 ≤ 50 ms: ${mark(replyP99 <= 50)}`
      ]),
      row([
        'the resident posts meanwhile (answer time)',
        `${(sent.posts / windowSeconds).toFixed(0)}/s`,
        ms(quantile(paced.postDelays, 0.5)),
        ms(quantile(paced.postDelays, 0.99)),
        ms(Math.max(...paced.postDelays)),
        ''
      ]),
      row([
        `bare Fastify POST route, same body, ${CONNECTIONS} connections`,
        `${bareResult.perSecond.toFixed(0)} req/s`,
        ms(bareResult.p50),
        ms(bareResult.p99),
        '',
        'baseline'
      ]),
      row([
        `POST /api/v1/threads/:id/messages, ${CONNECTIONS} connections`,
        `${postResult.perSecond.toFixed(0)} req/s`,
        ms(postResult.p50),
        ms(postResult.p99),
        '',
        `${(ratio * 100).toFixed(0)} % of bare (target ≥ 50 %): ${mark(ratio >= 0.5)}`
      ]),
      row([
        'frames to the wrong resident',
        ledger.misdelivered,
        '',
        '',
        '',
        ledger.misdelivered === 0 ? 'PASS' : 'FAIL'
      ]),
      row([
        'lost: reply frames, own-post frames, 2xx messages not stored (or in another thread)',
        `${lostReplies}, ${lostEchoes}, ${stored.missing + stored.wrongThread} of ${stored.checked}`,
        '',
        '',
        '',
        lost === 0 ? 'PASS' : 'FAIL'
      ])
    ]
    const synchronous = (process.env.DB_SYNCHRONOUS ?? 'full').toUpperCase()
    console.log(
      `\nMessaging benchmark (loopback, SQLite file at synchronous = ${synchronous}, ${RESIDENTS} residents)\n`
    )
    console.log(lines.join('\n'))
    console.log(
      `\nwindow ${windowSeconds.toFixed(1)} s after ${WARMUP_SECONDS} s warm-up: ${sent.posts} posts, ${sent.replies} replies; ` +
        `statuses ${JSON.stringify(Object.fromEntries(paced.statuses))}; reply answered in p50 ${ms(quantile(paced.replyAnswerDelays, 0.5))} ms, p99 ${ms(quantile(paced.replyAnswerDelays, 0.99))} ms; ` +
        `resident frames ${ledger.received} (unexpected ${ledger.unexpected}), staff socket frames ${staffFrames}; ` +
        `server event-loop delay p50 ${ms(loopDelay.p50)} / p99 ${ms(loopDelay.p99)} / max ${ms(loopDelay.max)} ms; ` +
        `heartbeats in the window ${heartbeats.length}`
    )
    console.log(
      `posting: ${postResult.total} posts in ${THROUGHPUT_ROUNDS} rounds (${perRound(postRounds)} req/s, p99 ${p99s(postRounds)} ms; non-2xx ${postResult.non2xx}, errors ${postResult.errors}); ` +
        `bare ${bareResult.total} (${perRound(bareRounds)} req/s, non-2xx ${bareResult.non2xx}); server RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MB; ` +
        `load average ${loadAtStart} at start, ${load()} at end`
    )
    const failed = ledger.misdelivered > 0 || lost > 0 || connected !== RESIDENTS
    if (failed) console.error('\nMISDELIVERED OR LOST MESSAGES FOUND')
    process.exitCode = failed ? 1 : 0
    recordResult('messaging', { table: lines })
  } finally {
    await closeSockets([...sockets.map((s) => s.socket), ...(staffSocket ? [staffSocket.socket] : [])])
    closeHttpClients()
    if (child.exitCode === null) {
      child.send({ type: 'stop' })
      await new Promise((resolve) => child.once('exit', resolve))
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

runBenchRole({ serve, main })

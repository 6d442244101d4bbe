// Three BFF instances behind nginx, sharing one database and Redis, started as `pnpm cluster` starts them: capacity
// holds across instances, a reply reaches a socket on another instance, a sign-out holds on every instance at once,
// and kill -9 of one instance mid-storm loses no acknowledged write while retries (same key) succeed elsewhere once.
// The database is a SQLite file, or with CLUSTER_DATABASE=postgres a PostgreSQL database of the test's own (created
// on TEST_PG_ADMIN_URL's server, default postgres://postgres@127.0.0.1:5432, and dropped afterwards).
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import WebSocket from 'ws'
import { startCluster, type Cluster } from '../../scripts/cluster.mjs'
import { DEMO_PASSWORD, freePort } from '../reliability/harness/bff-process'
import { checkedPg, checkedSqlite, createPgDatabase, type CheckedDb } from '../reliability/harness/database'
import {
  bookingRequest,
  idOf,
  messageRequest,
  missingAcknowledged,
  notExactlyOnce,
  type StormRequest
} from '../reliability/harness/storm'
import { HttpClient, expectJson, type Answer } from '../reliability/harness/http'
import { openLoad } from '../reliability/harness/open-load'
import {
  createSlots,
  createVeterans,
  inBatches,
  openThreads,
  reference,
  signInStaff,
  type Reference,
  type Slot,
  type Veteran
} from '../reliability/harness/population'

const VETERANS = 200
const RACE_CAPACITY = 10

let dir: string
let cluster: Cluster | undefined
/** Through nginx, then straight to instances 1, 2 and 3. */
let nginx: HttpClient
let direct: HttpClient[]
let ref: Reference
let veterans: Veteran[]
let slots: Slot[]
const logs: string[] = []

const DATABASE = process.env.CLUSTER_DATABASE ?? 'sqlite'
if (DATABASE !== 'sqlite' && DATABASE !== 'postgres')
  throw new Error(`CLUSTER_DATABASE must be "sqlite" or "postgres", got "${DATABASE}"`)
let pgDatabase: Awaited<ReturnType<typeof createPgDatabase>> | undefined
/** The shared database, opened by the test itself for its checks. */
const openDatabase = (): Promise<CheckedDb> =>
  pgDatabase ? checkedPg(pgDatabase.url) : Promise.resolve(checkedSqlite(path.join(dir, 'veterans.db')))

/** The instances' log lines from `from` on (warnings and errors: LOG_LEVEL=warn), to see why something failed. */
const printLogs = (why: string, from = 0) =>
  console.log(`${why}: instance logs (${logs.length - from} lines)\n${logs.slice(from).slice(-200).join('\n')}`)

/** What the setup is doing; 'done' once it is (a timed-out setup says where it was, with the logs). */
let setup = 'creating the database'
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'veterans-cluster-test-'))
  if (DATABASE === 'postgres') pgDatabase = await createPgDatabase('cluster')
  setup = 'starting the cluster'
  const port = await freePort()
  cluster = await startCluster({
    instances: 3,
    port,
    ports: [await freePort(), await freePort(), await freePort()],
    dataDir: dir,
    // From source, as the other fault tests run it: what is tested is the code as it is, not the last build.
    run: 'source',
    env: {
      PATH: process.env.PATH,
      // Unset: a SQLite file in dataDir.
      DATABASE_URL: pgDatabase?.url,
      UPLOADS_DIR: path.join(dir, 'uploads'),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `cluster-test-${randomUUID()}:`,
      DEMO_PASSWORD,
      JWT_SECRET: 'cluster-test-jwt-secret-that-is-long-enough-0123',
      PII_KEY: 'c4'.repeat(32),
      // Every client is 127.0.0.1 here (nginx too).
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      H5_DIR: '/nonexistent',
      WS_HEARTBEAT_MS: '10000'
    },
    onLog: (k, line) => logs.push(`[bff-${k}] ${line}`)
  })
  nginx = new HttpClient(port, 256)
  direct = cluster.instances.map((instance) => new HttpClient(instance.port, 256))
  setup = 'creating the veterans'
  const admin = await signInStaff(nginx, 'admin')
  ref = await reference(nginx, admin)
  veterans = await createVeterans(nginx, admin, VETERANS, 'K')
  setup = 'creating the slots'
  // A slot per service, the day after tomorrow: the first one's (10 places) is raced for, the others take the storm.
  const staff = await signInStaff(nginx, 'linhe')
  slots = await createSlots(nginx, staff, ref, 1, VETERANS)
  expectJson(
    await nginx.request('PATCH', `/api/v1/staff/slots/${slots[0]!.id}`, {
      token: staff,
      json: { capacity: RACE_CAPACITY }
    }),
    200,
    'race slot capacity'
  )
  setup = 'done'
  // Starting three instances from source and making 200 accounts took 60–85 s on a loaded 2-core machine.
}, 150_000)

afterAll(async () => {
  if (setup !== 'done') printLogs(`the setup did not finish (${setup})`)
  nginx?.close()
  for (const client of direct ?? []) client.close()
  await cluster?.stop()
  if (cluster) rmSync(cluster.runDir, { recursive: true, force: true })
  rmSync(dir, { recursive: true, force: true })
  await pgDatabase?.drop()
  const errors = logs.filter((line) => /"level":(50|60)/.test(line))
  if (errors.length > 0) console.log(`error logs:\n${errors.slice(0, 20).join('\n')}`)
})

let logsBefore = 0
beforeEach(() => {
  logsBefore = logs.length
})
afterEach(({ task }) => {
  if (task.result?.state === 'fail') printLogs(`failed: ${task.name}`, logsBefore)
})

const code = (answer: Answer) => (JSON.parse(answer.body) as { error?: { code: string } }).error?.code

test(`${VETERANS} bookings raced over nginx and every instance for ${RACE_CAPACITY} places: exactly ${RACE_CAPACITY} taken`, async () => {
  const slot = slots[0]!
  const clients = [nginx, ...direct]
  const answers = await Promise.all(
    veterans.map((veteran, i) =>
      clients[i % clients.length]!.post('/api/v1/bookings', veteran.token, { slotId: slot.id }, `race-${randomUUID()}`)
    )
  )
  const created = answers.filter((a) => a.status === 201)
  const refused = answers.filter((a) => a.status === 409 && code(a) === 'SLOT_FULL')
  expect(answers.filter((a) => a.status !== 201 && !(a.status === 409 && code(a) === 'SLOT_FULL'))).toEqual([])
  expect(created.length).toBe(RACE_CAPACITY)
  expect(refused.length).toBe(VETERANS - RACE_CAPACITY)
  const db = await openDatabase()
  try {
    const [row] = await db.all<{ booked: number }>('SELECT booked FROM slots WHERE id = ?', slot.id)
    expect(row?.booked).toBe(RACE_CAPACITY)
    const ids = created.map((answer) => idOf(answer)!)
    const bookings = await db.bookingsById(ids)
    expect(bookings.size).toBe(RACE_CAPACITY)
    expect([...bookings.values()].every((b) => b.status === 'booked')).toBe(true)
  } finally {
    await db.close()
  }
})

interface Frame {
  type: string
  threadId?: string
  message?: { body: string }
}

/** A WebSocket to one instance, signed in: resolves once the server said ready; collects every frame after. */
async function openSocket(port: number, token: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws`)
  const frames: Frame[] = []
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token })))
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as Frame
      if (frame.type === 'ready') resolve()
      else frames.push(frame)
    })
  })
  return { socket, frames }
}

test("a staff reply posted through instance 1 reaches the resident's sockets on instance 3 and through nginx", async () => {
  const resident = veterans[0]!
  const [threadId] = await openThreads(direct[1]!, [resident], ref)
  // One socket straight to instance 3 (so the fan-out crosses instances for sure), one upgraded by nginx.
  const sockets = [await openSocket(direct[2]!.port, resident.token), await openSocket(nginx.port, resident.token)]
  try {
    const staff = await signInStaff(direct[0]!, 'linhe')
    const body = `您的材料已收到，我们会在三个工作日内答复。(${randomUUID()})`
    expectJson(await direct[0]!.post(`/api/v1/staff/threads/${threadId}/messages`, staff, { body }), 201, 'staff reply')
    const received = ({ frames }: { frames: Frame[] }) =>
      frames.find((f) => f.type === 'message.created' && f.message?.body === body)
    const deadline = Date.now() + 5_000
    while (Date.now() < deadline && !sockets.every(received)) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(sockets.map((socket) => received(socket)?.threadId)).toEqual([threadId, threadId])
  } finally {
    for (const { socket } of sockets) socket.close()
  }
})

test('sign-out through instance 2: the same access token is refused by instances 1 and 3 at once', async () => {
  const pair = expectJson<{ accessToken: string; refreshToken: string }>(
    await direct[1]!.post('/api/v1/auth/wechat', undefined, { code: 'dev:cluster-sign-out' }),
    200,
    'sign-in'
  )
  const [before1, before3] = await Promise.all([
    direct[0]!.get('/api/v1/me', pair.accessToken),
    direct[2]!.get('/api/v1/me', pair.accessToken)
  ])
  expect([before1.status, before3.status]).toEqual([200, 200])
  const out = await direct[1]!.request('POST', '/api/v1/auth/logout', {
    token: pair.accessToken,
    json: { refreshToken: pair.refreshToken }
  })
  expect(out.status).toBe(204)
  const [after1, after3] = await Promise.all([
    direct[0]!.get('/api/v1/me', pair.accessToken),
    direct[2]!.get('/api/v1/me', pair.accessToken)
  ])
  expect([after1.status, after3.status]).toEqual([401, 401])
})

/** No answer from the application: the connection failed, or nginx answered for an instance that died (502…504). */
const unanswered = (answer: Answer | undefined) => !answer || answer.status === 0 || answer.status >= 502

test('kill -9 of an instance mid-storm through nginx: acknowledged writes kept, retries done elsewhere exactly once', async () => {
  const c = cluster!
  const threadOwners = veterans.slice(1, 21)
  const threadIds = await openThreads(nginx, threadOwners, ref)
  // Each veteran books each of the other services once (their slots are at different hours: no overlap).
  const plan = slots.slice(1).flatMap((slot) => veterans.map((veteran) => ({ veteran, slot })))
  plan.sort(() => Math.random() - 0.5)
  const requests: StormRequest[] = []
  let killedAt = 0
  const fire = async (i: number) => {
    const next = i % 2 === 0 ? plan.shift() : undefined
    const t = Math.floor(Math.random() * threadOwners.length)
    const request = next
      ? bookingRequest(next.veteran, next.slot.id, 'storm')
      : messageRequest(threadOwners[t]!, threadIds[t]!, 'storm')
    requests.push(request)
    request.answer = await nginx.post(request.path, request.token, request.body, request.key)
  }
  const run = openLoad({ rate: 150, durationMs: 3_000, burst: 10, fire })
  // A random moment 0.8–1.5 s in, at the first burst still in flight after it (or 1 s later regardless).
  const at = Date.now() + 800 + Math.random() * 700
  while (Date.now() < at || (run.inFlight() < 5 && Date.now() < at + 1_000))
    await new Promise((resolve) => setTimeout(resolve, 1))
  const inFlight = run.inFlight()
  killedAt = requests.length
  await c.kill9(c.instances[1]!)
  await run.done

  const lost = requests.filter((r) => unanswered(r.answer))
  await inBatches(lost, 20, async (r) => {
    r.retried = await nginx.post(r.path, r.token, r.body, r.key)
  })
  const replayed = lost.filter((r) => r.retried?.headers['idempotent-replayed'] === 'true').length
  console.log(
    `storm: ${requests.length} requests through nginx, instance 2 killed after ${killedAt} with ${inFlight} in flight; ` +
      `${requests.filter((r) => r.answer?.status === 201).length} acknowledged, ${lost.length} unanswered and sent ` +
      `again (${replayed} had committed: replayed; first answers ${[...new Set(lost.map((r) => r.answer?.status))].join(', ')})`
  )
  expect(requests.filter((r) => !unanswered(r.answer) && r.answer?.status !== 201).map((r) => r.answer?.body)).toEqual(
    []
  )
  expect(lost.filter((r) => r.retried?.status !== 201).map((r) => `${r.retried?.status} ${r.retried?.body}`)).toEqual(
    []
  )

  const db = await openDatabase()
  try {
    expect((await missingAcknowledged(db, requests)).map((r) => r.key)).toEqual([])
    expect((await notExactlyOnce(db, requests)).map((r) => r.key)).toEqual([])
    expect(await db.halfWritten()).toEqual({ overbooked: 0, outOfStep: 0, threadsWithGaps: 0, keysWithoutAnswer: 0 })
  } finally {
    await db.close()
  }
})

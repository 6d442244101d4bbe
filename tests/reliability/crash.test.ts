// Crash: a storm of bookings and message posts (each with its own Idempotency-Key), and `kill -9` of the server at a
// random moment in it, with requests in flight; then the server is started again on the same files. Every
// acknowledged booking and message must be there, nothing half-written (places in step with bookings, threads
// numbered without gaps, no key claimed without its answer, integrity_check ok); and every request that got no
// answer, sent again with its key and body, must be done exactly once — whether or not it committed before the kill.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DATABASE_FILE, startBff, type BffProcess } from './harness/bff-process'
import { checkedSqlite, halfWritten, integrityCheck, openReadOnly } from './harness/database'
import { HttpClient } from './harness/http'
import { openLoad } from './harness/open-load'
import {
  createSlots,
  createVeterans,
  inBatches,
  openThreads,
  reference,
  signInStaff,
  type Slot,
  type Veteran
} from './harness/population'
import { bookingRequest, messageRequest, missingAcknowledged, notExactlyOnce, type StormRequest } from './harness/storm'
import { Tally } from './harness/tally'

const ROUNDS = 3
const VETERANS = 100
const SLOT_DAYS = 12
/** Room for every planned booking: each slot is planned for at most ⌈VETERANS / SLOT_DAYS⌉ veterans. */
const CAPACITY = Math.ceil(VETERANS / SLOT_DAYS)
const STORM_RATE = 400
const BURST = 20

let dir: string
let bff: BffProcess | undefined

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'veterans-reliability-crash-'))
})

afterAll(async () => {
  await bff?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Bookings planned so that all fit: veteran v books every service once, each on day v mod SLOT_DAYS. */
function bookingPlan(veterans: Veteran[], slots: Slot[]) {
  const byService = new Map<string, Slot[]>()
  for (const slot of slots) byService.set(slot.serviceId, [...(byService.get(slot.serviceId) ?? []), slot])
  const plan: { veteran: Veteran; slot: Slot }[] = []
  for (const serviceSlots of byService.values()) {
    serviceSlots.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    veterans.forEach((veteran, v) => plan.push({ veteran, slot: serviceSlots[v % SLOT_DAYS]! }))
  }
  // Shuffled, so that each round's bookings spread over slots and veterans.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[plan[i], plan[j]] = [plan[j]!, plan[i]!]
  }
  return plan
}

/** Bookings (while the plan lasts) and messages, half and half, at STORM_RATE in bursts; kills the server mid-way. */
async function stormAndKill(
  server: BffProcess,
  plan: { veteran: Veteran; slot: Slot }[],
  threads: { veteran: Veteran; threadId: string }[],
  tally: Tally
) {
  const client = new HttpClient(server.port)
  const requests: StormRequest[] = []
  let killed = false
  const fire = async (i: number) => {
    const next = i % 2 === 0 ? plan.shift() : undefined
    const thread = threads[Math.floor(Math.random() * threads.length)]!
    const request = next
      ? bookingRequest(next.veteran, next.slot.id, 'crash')
      : messageRequest(thread.veteran, thread.threadId, 'crash')
    requests.push(request)
    request.answer = await client.post(request.path, request.token, request.body, request.key)
    tally.record(`storm ${request.kind}`, request.answer)
  }
  const run = openLoad({ rate: STORM_RATE, durationMs: 60_000, burst: BURST, fire, stopped: () => killed })
  // A random moment from 0.8 to 2.5 s in, at the first burst still in flight after it (or 1 s later regardless).
  const at = 800 + Math.random() * 1700
  const t0 = Date.now()
  while (Date.now() - t0 < at || (run.inFlight() < BURST / 2 && Date.now() - t0 < at + 1000))
    await new Promise((resolve) => setTimeout(resolve, 1))
  const inFlight = run.inFlight()
  await server.kill9()
  killed = true
  await run.done
  client.close()
  return { requests, inFlight, killedAtMs: Date.now() - t0 }
}

test(`kill -9 in a storm of bookings and messages, ${ROUNDS} times: acknowledged writes kept, retries done once`, async () => {
  const started = Date.now()
  bff = await startBff(dir)
  let client = new HttpClient(bff.port)
  const admin = await signInStaff(client, 'admin')
  const ref = await reference(client, admin)
  const veterans = await createVeterans(client, admin, VETERANS, 'C')
  const threadIds = await openThreads(client, veterans, ref)
  const slots = await createSlots(client, await signInStaff(client, 'linhe'), ref, SLOT_DAYS, CAPACITY)
  client.close()
  const threads = veterans.map((veteran, i) => ({ veteran, threadId: threadIds[i]! }))
  const plan = bookingPlan(veterans, slots)
  const tally = new Tally()
  const all: StormRequest[] = []
  const rounds: string[] = []
  const file = path.join(dir, DATABASE_FILE)

  for (let round = 1; round <= ROUNDS; round++) {
    const storm = await stormAndKill(bff, plan, threads, tally)
    all.push(...storm.requests)
    const restartedAt = Date.now()
    bff = await startBff(dir)
    const restartMs = Date.now() - restartedAt

    const db = openReadOnly(file)
    const checked = checkedSqlite(file)
    try {
      expect(integrityCheck(db)).toBe('ok')
      expect(halfWritten(db)).toEqual({ overbooked: 0, outOfStep: 0, threadsWithGaps: 0, keysWithoutAnswer: 0 })
      expect(await missingAcknowledged(checked, storm.requests)).toEqual([])

      // Unanswered requests again, each with its own key and body: done now, or answered as it was before the kill.
      const unanswered = storm.requests.filter((r) => r.answer?.status === 0)
      client = new HttpClient(bff.port)
      await inBatches(unanswered, 20, async (request) => {
        request.retried = await client.post(request.path, request.token, request.body, request.key)
      })
      client.close()
      const replayed = unanswered.filter((r) => r.retried?.headers['idempotent-replayed'] === 'true').length
      expect(unanswered.filter((r) => r.retried?.status !== 201).map((r) => r.retried?.body)).toEqual([])
      expect(await notExactlyOnce(checked, storm.requests)).toEqual([])
      expect(halfWritten(db)).toEqual({ overbooked: 0, outOfStep: 0, threadsWithGaps: 0, keysWithoutAnswer: 0 })

      const acknowledged = storm.requests.filter((r) => r.answer?.status === 201).length
      rounds.push(
        `round ${round}: ${storm.requests.length} requests, killed at ${storm.killedAtMs} ms with ${storm.inFlight} in ` +
          `flight; ${acknowledged} acknowledged and found; ${unanswered.length} unanswered, sent again: ` +
          `${replayed} had committed before the kill (replayed), ${unanswered.length - replayed} done now; ` +
          `restart ${restartMs} ms`
      )
    } finally {
      db.close()
      await checked.close()
    }
  }

  // A clean stop after the last round, and the file checked once more as it is left.
  expect(await bff.stop()).toBe(0)
  bff = undefined
  const db = openReadOnly(file)
  const checked = checkedSqlite(file)
  try {
    const integrity = integrityCheck(db)
    const invariants = halfWritten(db)
    const once = await notExactlyOnce(checked, all)
    const writes = all.filter((r) => r.answer?.status === 201 || r.retried?.status === 201).length
    console.log(
      [
        '',
        `Crash: ${ROUNDS} rounds of kill -9 in a storm of bookings and messages at ${STORM_RATE} requests/s (bursts of ${BURST})`,
        ...rounds,
        tally.table(),
        `requests fired ${tally.fired} (+ ${all.filter((r) => r.retried).length} retries), 5xx ${tally.serverErrors}, ` +
          `crashes survived ${ROUNDS}, writes checked exactly once ${writes} (wrong ${once.length}), integrity ${integrity}`,
        `duration ${((Date.now() - started) / 1000).toFixed(1)} s`
      ].join('\n')
    )
    expect(tally.serverErrors).toBe(0)
    // Everything answered before the kill was a success: the plan leaves no booking to be refused.
    expect(all.filter((r) => r.answer && r.answer.status !== 201 && r.answer.status !== 0)).toEqual([])
    expect(once).toEqual([])
    expect(invariants).toEqual({ overbooked: 0, outOfStep: 0, threadsWithGaps: 0, keysWithoutAnswer: 0 })
    expect(integrity).toBe('ok')
  } finally {
    db.close()
    await checked.close()
  }
})

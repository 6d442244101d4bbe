// Mixed workload at a fixed arrival rate (open model) for a bounded time against the BFF in its own process:
// sign-ins, policy searches, slot lists, bookings and cancellations, residents' messages and staff replies, notice
// reads. Afterwards, with the server stopped, the database is opened read-only and every write that was answered
// 2xx is looked up by id in the state it was left in; no slot is over capacity or out of step with its bookings;
// not one 5xx. RELIABILITY_SECONDS (default 30) and RELIABILITY_RATE (default 150 requests/s) change the run.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DATABASE_FILE, DEMO_PASSWORD, startBff, type BffProcess } from './harness/bff-process'
import { bookingsById, halfWritten, integrityCheck, messagesById, openReadOnly } from './harness/database'
import { HttpClient, type Answer } from './harness/http'
import { openLoad } from './harness/open-load'
import {
  beijingDay,
  CENTER_CODES,
  createSlots,
  createVeterans,
  openThreads,
  reference,
  sendDistrictNotice,
  signInStaff,
  type Reference,
  type Slot,
  type Veteran
} from './harness/population'
import { Tally } from './harness/tally'

const SECONDS = Number(process.env.RELIABILITY_SECONDS ?? 30)
const RATE = Number(process.env.RELIABILITY_RATE ?? 150)
const VETERANS = 120
const SLOT_DAYS = 14
/** Few places per slot: bookings compete for them (some SLOT_FULL) and capacity is really put to the test. */
const CAPACITY = 3
const SEARCH_TERMS = ['退役', '优待证', '就业 创业', '抚恤补助', '医疗', '住房 保障', '伤残', '教育', '法律援助']

let dir: string
let bff: BffProcess
let client: HttpClient

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'veterans-reliability-mixed-'))
  bff = await startBff(dir)
  client = new HttpClient(bff.port)
})

afterAll(async () => {
  client?.close()
  await bff?.stop()
  rmSync(dir, { recursive: true, force: true })
})

interface World {
  ref: Reference
  veterans: (Veteran & { threadId: string; staffUsername: string })[]
  staffTokens: Record<string, string>
  slots: Slot[]
  noticeId: string
}

async function prepare(): Promise<World> {
  const admin = await signInStaff(client, 'admin')
  const ref = await reference(client, admin)
  const staffTokens: Record<string, string> = {}
  for (const username of [...CENTER_CODES, 'city']) staffTokens[username] = await signInStaff(client, username)
  const veterans = await createVeterans(client, admin, VETERANS, 'M')
  const threadIds = await openThreads(client, veterans, ref)
  const slots = await createSlots(client, staffTokens.linhe!, ref, SLOT_DAYS, CAPACITY)
  const noticeId = await sendDistrictNotice(client, staffTokens.linhe!)
  return {
    ref,
    veterans: veterans.map((v, i) => ({
      ...v,
      threadId: threadIds[i]!,
      // openThreads puts thread i at center i mod 3; that center's staff answer it.
      staffUsername: CENTER_CODES[i % CENTER_CODES.length]!
    })),
    staffTokens,
    slots,
    noticeId
  }
}

/** What the clients were told was written, to be found in the database afterwards. */
interface Acknowledged {
  bookings: Map<string, { slotId: string; userId: string }>
  cancelled: Set<string>
  /** Cancellations sent but never answered (a client timeout): either state of the booking is right. */
  maybeCancelled: Set<string>
  messages: Map<string, { threadId: string; body: string }>
  noticeReads: Set<string>
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!

/** The mix: weights of each kind of request, and how each is made and recorded. */
function workload(world: World, tally: Tally, acked: Acknowledged) {
  // Veteran and service pairs with a booking being made or held (one active per service, by rule).
  const holding = new Set<string>()
  const holdingKey = (v: Veteran, serviceId: string) => `${v.userId}/${serviceId}`
  const slotsByService = new Map<string, Slot[]>()
  for (const slot of world.slots)
    slotsByService.set(slot.serviceId, [...(slotsByService.get(slot.serviceId) ?? []), slot])
  const serviceIds = [...slotsByService.keys()]
  const booked = new Map<string, { veteran: Veteran; serviceId: string }>()

  const send = async (route: string, request: Promise<Answer>) => {
    const answer = await request
    tally.record(route, answer)
    return answer
  }

  const kinds: { weight: number; run: () => Promise<void> }[] = [
    {
      weight: 6,
      run: async () => {
        const v = pick(world.veterans)
        await send('POST /auth/wechat', client.post('/api/v1/auth/wechat', undefined, { code: `dev:${v.wechatName}` }))
      }
    },
    {
      weight: 1,
      run: async () => {
        const username = pick(CENTER_CODES)
        await send(
          'POST /auth/staff',
          client.post('/api/v1/auth/staff', undefined, { username, password: DEMO_PASSWORD })
        )
      }
    },
    {
      weight: 18,
      run: async () => {
        const q = encodeURIComponent(pick(SEARCH_TERMS))
        await send('GET /policies?q=', client.get(`/api/v1/policies?q=${q}&limit=20`, pick(world.veterans).token))
      }
    },
    {
      weight: 10,
      run: async () => {
        const serviceId = pick(serviceIds)
        const from = beijingDay(2)
        const to = beijingDay(1 + SLOT_DAYS)
        await send(
          'GET /slots',
          client.get(
            `/api/v1/slots?centerId=${world.ref.centerId}&serviceId=${serviceId}&from=${from}&to=${to}`,
            pick(world.veterans).token
          )
        )
      }
    },
    {
      weight: 20,
      run: async () => {
        const v = pick(world.veterans)
        const serviceId = pick(serviceIds)
        const key = holdingKey(v, serviceId)
        if (holding.has(key)) return void (await send('GET /bookings', client.get('/api/v1/bookings', v.token)))
        holding.add(key)
        const slot = pick(slotsByService.get(serviceId)!)
        const answer = await send(
          'POST /bookings',
          client.post('/api/v1/bookings', v.token, { slotId: slot.id }, `mixed-${randomUUID()}`)
        )
        if (answer.status === 201) {
          const { id } = JSON.parse(answer.body) as { id: string }
          acked.bookings.set(id, { slotId: slot.id, userId: v.userId })
          booked.set(id, { veteran: v, serviceId })
        } else holding.delete(key)
      }
    },
    {
      weight: 8,
      run: async () => {
        const ids = [...booked.keys()]
        if (ids.length === 0)
          return void (await send('GET /bookings', client.get('/api/v1/bookings', pick(world.veterans).token)))
        const id = pick(ids)
        const { veteran, serviceId } = booked.get(id)!
        booked.delete(id)
        const answer = await send(
          'POST /bookings/:id/cancel',
          client.post(`/api/v1/bookings/${id}/cancel`, veteran.token, { reason: '临时有事，改天再约' })
        )
        if (answer.status === 200) {
          acked.cancelled.add(id)
          holding.delete(holdingKey(veteran, serviceId))
        } else if (answer.status === 0) acked.maybeCancelled.add(id)
      }
    },
    {
      weight: 15,
      run: async () => {
        const v = pick(world.veterans)
        const body = `请问办理进度如何？(${randomUUID()})`
        const answer = await send(
          'POST /threads/:id/messages',
          client.post(`/api/v1/threads/${v.threadId}/messages`, v.token, { body }, `mixed-${randomUUID()}`)
        )
        if (answer.status === 201) {
          acked.messages.set((JSON.parse(answer.body) as { id: string }).id, { threadId: v.threadId, body })
        }
      }
    },
    {
      weight: 5,
      run: async () => {
        const v = pick(world.veterans)
        const body = `您好，材料已收到，我们会在三个工作日内答复。(${randomUUID()})`
        const answer = await send(
          'POST /staff/threads/:id/messages',
          client.post(`/api/v1/staff/threads/${v.threadId}/messages`, world.staffTokens[v.staffUsername], { body })
        )
        if (answer.status === 201) {
          acked.messages.set((JSON.parse(answer.body) as { id: string }).id, { threadId: v.threadId, body })
        }
      }
    },
    {
      weight: 5,
      run: async () => {
        const v = pick(world.veterans)
        await send('GET /threads/:id/messages', client.get(`/api/v1/threads/${v.threadId}/messages?limit=20`, v.token))
      }
    },
    {
      weight: 7,
      run: async () => {
        const v = pick(world.veterans)
        const answer = await send(
          'POST /notices/:id/read',
          client.post(`/api/v1/notices/${world.noticeId}/read`, v.token, {})
        )
        if (answer.status === 204) {
          acked.noticeReads.add(v.userId)
        }
      }
    },
    {
      weight: 5,
      run: async () => {
        await send('GET /notices', client.get('/api/v1/notices', pick(world.veterans).token))
      }
    }
  ]
  const total = kinds.reduce((sum, kind) => sum + kind.weight, 0)
  return async () => {
    let r = Math.random() * total
    for (const kind of kinds) if ((r -= kind.weight) < 0) return kind.run()
  }
}

test(`mixed workload at ${RATE} requests/s for ${SECONDS} s: no 5xx, no lost write, capacity kept`, async () => {
  const started = Date.now()
  const world = await prepare()
  const prepared = Date.now()
  const tally = new Tally()
  const acked: Acknowledged = {
    bookings: new Map(),
    cancelled: new Set(),
    maybeCancelled: new Set(),
    messages: new Map(),
    noticeReads: new Set()
  }
  const fire = workload(world, tally, acked)

  // The same server idle for 3 s first: what the machine alone adds to the delay (others share its 2 cores).
  await bff.loopDelay(true)
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const idle = await bff.loopDelay(true)
  await openLoad({ rate: RATE, durationMs: SECONDS * 1000, fire }).done
  const loop = await bff.loopDelay()
  const errorLogs = bff.errorLogs()
  expect(await bff.stop()).toBe(0)

  // The server is stopped: what is in the file is all there is.
  const db = openReadOnly(path.join(dir, DATABASE_FILE))
  try {
    const integrity = integrityCheck(db)
    const invariants = halfWritten(db)
    const bookingRows = bookingsById(db, [...acked.bookings.keys()])
    const wrongBookings = [...acked.bookings].filter(([id, wanted]) => {
      const row = bookingRows.get(id)
      const statuses = acked.cancelled.has(id)
        ? ['cancelled']
        : acked.maybeCancelled.has(id)
          ? ['booked', 'cancelled']
          : ['booked']
      return !row || row.slotId !== wanted.slotId || row.userId !== wanted.userId || !statuses.includes(row.status)
    })
    const messageRows = messagesById(db, [...acked.messages.keys()])
    const wrongMessages = [...acked.messages].filter(([id, wanted]) => {
      const row = messageRows.get(id)
      return !row || row.threadId !== wanted.threadId || row.body !== wanted.body
    })
    const readAt = db.prepare('SELECT read_at AS readAt FROM notice_recipients WHERE user_id = ? AND notice_id = ?')
    const unreadReads = [...acked.noticeReads].filter(
      (userId) => !(readAt.get(userId, world.noticeId) as { readAt: string | null } | undefined)?.readAt
    )
    const checked = acked.bookings.size + acked.cancelled.size + acked.messages.size + acked.noticeReads.size

    console.log(
      [
        '',
        `Mixed workload: ${tally.fired} requests fired at ${RATE}/s over ${SECONDS} s (open model), ${VETERANS} veterans, 4 staff`,
        tally.table(),
        '',
        `requests fired ${tally.fired}, 5xx ${tally.serverErrors}, unanswered ${tally.unanswered}`,
        `writes checked by id ${checked} (bookings ${acked.bookings.size}, cancellations ${acked.cancelled.size}, ` +
          `messages ${acked.messages.size}, notice reads ${acked.noticeReads.size}): missing or wrong ` +
          `${wrongBookings.length + wrongMessages.length + unreadReads.length}`,
        `slots over capacity ${invariants.overbooked}, out of step ${invariants.outOfStep}; threads with gaps ` +
          `${invariants.threadsWithGaps}; keys without answer ${invariants.keysWithoutAnswer}; integrity ${integrity}`,
        `server event-loop delay p50 ${loop.p50} ms, p99 ${loop.p99} ms, max ${loop.max} ms ` +
          `(idle beforehand: p99 ${idle.p99} ms, max ${idle.max} ms)`,
        `duration: setup ${((prepared - started) / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`,
        ...tally.samples.map((s) => `  sample: ${s}`),
        ...errorLogs.slice(0, 5).map((line) => `  server error log: ${line}`)
      ].join('\n')
    )

    expect(tally.serverErrors).toBe(0)
    expect(tally.unanswered).toBe(0)
    expect(errorLogs).toEqual([])
    // The run did real work of every kind, or its zeros would prove nothing.
    expect(acked.bookings.size).toBeGreaterThan(SECONDS * RATE * 0.05)
    expect(acked.cancelled.size).toBeGreaterThan(0)
    expect(acked.messages.size).toBeGreaterThan(SECONDS * RATE * 0.1)
    expect(acked.noticeReads.size).toBeGreaterThan(0)
    expect(wrongBookings).toEqual([])
    expect(wrongMessages).toEqual([])
    expect(unreadReads).toEqual([])
    expect(invariants).toEqual({ overbooked: 0, outOfStep: 0, threadsWithGaps: 0, keysWithoutAnswer: 0 })
    expect(integrity).toBe('ok')
  } finally {
    db.close()
  }
})

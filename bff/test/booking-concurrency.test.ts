import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { findSlotsOutOfStep } from '../src/modules/booking/slots-repo'
import {
  book,
  catalog,
  createSlot,
  createVeterans,
  DONGHU,
  errorCode,
  newKey,
  placesHeld,
  slotSeen,
  type Catalog
} from './booking-helpers'

// Capacity, idempotency and waitlist promotion under many requests at once.

let app: FastifyInstance
let admin: Session
let staff: Session
let cat: Catalog
let veterans: Awaited<ReturnType<typeof createVeterans>>

beforeAll(async () => {
  app = await buildTestApp()
  admin = await signInStaff(app, 'admin')
  staff = await signInStaff(app, 'donghu')
  cat = await catalog(admin)
  veterans = await createVeterans(app, admin, 'conc', 200)
}, 120_000)
afterAll(() => app.close())

async function expectSlotInStep(
  slot: { id: string; centerId: string; startsAt: string; capacity: number },
  viewer: Session
) {
  const seen = await slotSeen(viewer, slot.id)
  const held = await placesHeld(staff, slot)
  expect(seen.capacity - seen.remaining).toBe(held.length)
  expect(held.length).toBeLessThanOrEqual(seen.capacity)
  expect(new Set(held.map((b) => b.veteranId)).size).toBe(held.length)
}

describe('capacity under concurrency', () => {
  it('200 eligible veterans booking a 10-place slot at once: exactly 10 booked, 190 SLOT_FULL, remaining 0', async () => {
    const slot = await createSlot(staff, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      startsInMinutes: 3 * 24 * 60,
      capacity: 10
    })
    const responses = await Promise.all(veterans.map((v) => book(v, { slotId: slot.id })))
    const created = responses.filter((r) => r.statusCode === 201)
    const full = responses.filter((r) => r.statusCode === 409 && errorCode(r) === 'SLOT_FULL')
    expect(created).toHaveLength(10)
    expect(full).toHaveLength(190)
    expect(new Set(created.map((r) => r.json().veteranId)).size).toBe(10)
    const seen = await slotSeen(veterans[0]!, slot.id)
    expect(seen.remaining).toBe(0)
    expect(seen.bookable).toBe(false)
    await expectSlotInStep(slot, veterans[0]!)
    expect(await findSlotsOutOfStep(app.db)).toEqual([])
  }, 60_000)
})

// The slots below start an hour or two after the race's slot: which veterans won a place there depends on the
// order the database took them in (on PostgreSQL any ten may), and a winner's next booking must not overlap it.
describe('idempotency under concurrency', () => {
  it('the same Idempotency-Key sent 20 times at once makes one booking and 20 identical responses', async () => {
    const slot = await createSlot(staff, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('records'),
      startsInMinutes: 3 * 24 * 60 + 60,
      capacity: 5
    })
    const veteran = veterans[10]!
    const key = newKey()
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => book(veteran, { slotId: slot.id, note: '同一请求' }, key))
    )
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([201]))
    expect(new Set(responses.map((r) => r.body)).size).toBe(1)
    expect((await slotSeen(veteran, slot.id)).remaining).toBe(4)
    const mine = (await veteran.request({ method: 'GET', url: '/api/v1/bookings' }))
      .json()
      .items.filter((b: { slotId: string }) => b.slotId === slot.id)
    expect(mine).toHaveLength(1)
    // The same key with another body is refused, and a new key for the same veteran meets the one-booking rule.
    const reused = await book(veteran, { slotId: slot.id, note: '改了内容' }, key)
    expect(reused.statusCode).toBe(422)
    expect(errorCode(reused)).toBe('IDEMPOTENCY_KEY_REUSED')
    const again = await book(veteran, { slotId: slot.id }, newKey())
    expect(errorCode(again)).toBe('ALREADY_BOOKED')
  })

  it('replays a refusal too: a retry of a booking that met a full slot gets the same answer, even after a place frees', async () => {
    const slot = await createSlot(staff, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('medical'),
      startsInMinutes: 3 * 24 * 60 + 120,
      capacity: 1
    })
    const first = await book(veterans[11]!, { slotId: slot.id }, newKey())
    expect(first.statusCode).toBe(201)
    const key = newKey()
    const refused = await book(veterans[12]!, { slotId: slot.id }, key)
    expect(errorCode(refused)).toBe('SLOT_FULL')
    await veterans[11]!.request({ method: 'POST', url: `/api/v1/bookings/${first.json().id}/cancel`, payload: {} })
    const retried = await book(veterans[12]!, { slotId: slot.id }, key)
    expect(retried.statusCode).toBe(409)
    expect(retried.body).toBe(refused.body)
    expect(retried.headers['idempotent-replayed']).toBe('true')
    expect((await slotSeen(veterans[12]!, slot.id)).remaining).toBe(1)
  })

  it('over a real listening socket the 20 concurrent retries still get one booking and identical replies', async () => {
    const server = await buildTestApp()
    try {
      await server.listen({ port: 0, host: '127.0.0.1' })
      const address = server.server.address()
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      const sessionFor = await signInWechat(server, 'laowang')
      const donghuStaff = await signInStaff(server, 'donghu')
      const local = await catalog(donghuStaff)
      const slot = await createSlot(donghuStaff, {
        centerId: local.center(DONGHU),
        serviceId: local.service('records'),
        startsInMinutes: 4 * 24 * 60,
        capacity: 3
      })
      const key = newKey()
      const send = () =>
        fetch(`${base}/api/v1/bookings`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${sessionFor.accessToken}`,
            'content-type': 'application/json',
            'idempotency-key': key
          },
          body: JSON.stringify({ slotId: slot.id })
        }).then(async (r) => ({ status: r.status, body: await r.text() }))
      const replies = await Promise.all(Array.from({ length: 20 }, send))
      expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201]))
      expect(new Set(replies.map((r) => r.body)).size).toBe(1)
      expect((await slotSeen(sessionFor, slot.id)).remaining).toBe(2)
    } finally {
      await server.close()
    }
  })
})

describe('cancel, book and reschedule racing on one slot', () => {
  it('never leaves the slot count out of step with its bookings', async () => {
    const centerId = cat.center(DONGHU)
    const serviceId = cat.service('legal_aid')
    const target = await createSlot(staff, { centerId, serviceId, startsInMinutes: 5 * 24 * 60, capacity: 6 })
    const other = await createSlot(staff, { centerId, serviceId, startsInMinutes: 6 * 24 * 60, capacity: 6 })
    const onTarget = veterans.slice(20, 26)
    const onOther = veterans.slice(26, 32)
    const newcomers = veterans.slice(32, 44)
    const waiting = veterans.slice(44, 48)
    const targetBookings = await Promise.all(
      onTarget.map(async (v) => (await book(v, { slotId: target.id })).json().id as string)
    )
    const otherBookings = await Promise.all(
      onOther.map(async (v) => (await book(v, { slotId: other.id })).json().id as string)
    )
    for (const v of waiting)
      expect(
        (await v.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: target.id } })).statusCode
      ).toBe(201)

    const responses = await Promise.all([
      ...onTarget
        .slice(0, 3)
        .map((v, i) => v.request({ method: 'POST', url: `/api/v1/bookings/${targetBookings[i]}/cancel`, payload: {} })),
      ...onTarget.slice(3).map((v, i) =>
        v.request({
          method: 'POST',
          url: `/api/v1/bookings/${targetBookings[i + 3]}/reschedule`,
          payload: { slotId: other.id }
        })
      ),
      ...onOther.map((v, i) =>
        v.request({
          method: 'POST',
          url: `/api/v1/bookings/${otherBookings[i]}/reschedule`,
          payload: { slotId: target.id }
        })
      ),
      ...newcomers.map((v) => book(v, { slotId: target.id }))
    ])
    for (const r of responses) expect([200, 201, 409]).toContain(r.statusCode)
    await expectSlotInStep(target, veterans[0]!)
    await expectSlotInStep(other, veterans[0]!)
    expect(await findSlotsOutOfStep(app.db)).toEqual([])
  })
})

describe('waitlist promotion under concurrent cancellations', () => {
  it('promotes each waiting entry exactly once, in the order they joined', async () => {
    const slot = await createSlot(staff, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('hardship_aid'),
      startsInMinutes: 4 * 24 * 60,
      capacity: 4
    })
    const holders = veterans.slice(60, 64)
    const queue = veterans.slice(64, 70)
    const held = await Promise.all(holders.map(async (v) => (await book(v, { slotId: slot.id })).json().id as string))
    const entries: string[] = []
    for (const v of queue) {
      const joined = await v.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: slot.id } })
      expect(joined.statusCode, joined.body).toBe(201)
      expect(joined.json().position).toBe(entries.length + 1)
      entries.push(joined.json().id)
    }

    const cancels = await Promise.all(
      holders.map((v, i) => v.request({ method: 'POST', url: `/api/v1/bookings/${held[i]}/cancel`, payload: {} }))
    )
    expect(cancels.map((r) => r.statusCode)).toEqual([200, 200, 200, 200])

    const states = await Promise.all(
      queue.map(async (v) =>
        (await v.request({ method: 'GET', url: '/api/v1/waitlist' }))
          .json()
          .items.find((e: { slotId: string }) => e.slotId === slot.id)
      )
    )
    expect(states.map((e) => e.status)).toEqual(['promoted', 'promoted', 'promoted', 'promoted', 'waiting', 'waiting'])
    expect(states.map((e) => e.position)).toEqual([0, 0, 0, 0, 1, 2])
    for (const [i, v] of queue.slice(0, 4).entries()) {
      const mine = (await v.request({ method: 'GET', url: '/api/v1/bookings' }))
        .json()
        .items.filter((b: { slotId: string; status: string }) => b.slotId === slot.id)
      expect(mine).toHaveLength(1)
      expect(mine[0].id).toBe(states[i].bookingId)
      const told = (await v.request({ method: 'GET', url: '/api/v1/me/notifications' }))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'booking.promoted')
      expect(told).toHaveLength(1)
    }
    expect((await slotSeen(queue[0]!, slot.id)).remaining).toBe(0)
    await expectSlotInStep(slot, queue[0]!)
  })
})

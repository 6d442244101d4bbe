import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import {
  book,
  catalog,
  createSlot,
  createVeterans,
  DONGHU,
  errorCode,
  placesHeld,
  slotSeen,
  type Catalog
} from './booking-helpers'

// Races on one booking or one slot's queue: requests sent at once, several rounds, each answer checked against the
// state they leave. On PostgreSQL these hold only if each transaction locks the booking's slot and veteran first.

let app: FastifyInstance
let admin: Session
let staff: Session
let cat: Catalog
let people: Awaited<ReturnType<typeof createVeterans>>

beforeAll(async () => {
  // No cancellation cut-off: a booking can be cancelled online while the desk's check-in is already open.
  app = await buildTestApp({ CANCEL_CUTOFF_MINUTES: '0' })
  ;[admin, staff] = await Promise.all([signInStaff(app, 'admin'), signInStaff(app, 'donghu')])
  cat = await catalog(staff)
  people = await createVeterans(app, admin, 'race', 100)
}, 120_000)
afterAll(() => app.close())

let next = 0
const take = (n: number) => {
  next += n
  expect(next).toBeLessThanOrEqual(people.length)
  return people.slice(next - n, next)
}

type Slot = Awaited<ReturnType<typeof createSlot>>
const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

/** The schedule's `booked` of a slot (GET /staff/slots). */
async function bookedOf(slot: Slot) {
  const day = dayOf(slot.startsAt)
  const response = await staff.request({
    method: 'GET',
    url: `/api/v1/staff/slots?centerId=${slot.centerId}&from=${day}&to=${day}`
  })
  expect(response.statusCode, response.body).toBe(200)
  const found = (response.json().items as { id: string; booked: number }[]).find((s) => s.id === slot.id)
  return found?.booked ?? expect.fail(`slot ${slot.id} not in the schedule`)
}

/** The slot's count agrees with the bookings holding a place, as the staff and the residents see them. */
async function expectInStep(slot: Slot) {
  const booked = await bookedOf(slot)
  const held = await placesHeld(staff, slot)
  expect(held.length).toBe(booked)
  expect(booked).toBeLessThanOrEqual(slot.capacity)
  expect((await slotSeen(staff, slot.id)).remaining).toBe(slot.capacity - booked)
  return { booked, held }
}

async function bookAll(slot: Slot, who: Session[]) {
  const ids: string[] = []
  for (const v of who) {
    const made = await book(v, { slotId: slot.id })
    expect(made.statusCode, made.body).toBe(201)
    ids.push(made.json().id)
  }
  return ids
}

const cancel = (s: Session, bookingId: string) =>
  s.request({ method: 'POST', url: `/api/v1/bookings/${bookingId}/cancel`, payload: {} })
const checkIn = (bookingId: string) =>
  staff.request({ method: 'POST', url: `/api/v1/staff/bookings/${bookingId}/check-in`, payload: {} })
const join = (s: Session, slotId: string) => s.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId } })
const leave = (s: Session, entryId: string) => s.request({ method: 'DELETE', url: `/api/v1/waitlist/${entryId}` })

async function entryOf(s: Session, slotId: string) {
  const response = await s.request({ method: 'GET', url: '/api/v1/waitlist' })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items.find((e: { slotId: string }) => e.slotId === slotId) as {
    id: string
    status: string
    position: number
    bookingId: string | null
    endedReason: string | null
  }
}

/** The person's bookings of the slot that hold a place. */
async function holdingOn(s: Session, slotId: string) {
  const response = await s.request({ method: 'GET', url: '/api/v1/bookings' })
  expect(response.statusCode, response.body).toBe(200)
  return (response.json().items as { id: string; slotId: string; status: string }[]).filter(
    (b) => b.slotId === slotId && b.status !== 'cancelled'
  )
}

/** Lets `n` turns of the event loop pass: requests sent before are that much further on their way. */
async function turns(n: number) {
  for (let turn = 0; turn < n; turn++) await new Promise((resolve) => setImmediate(resolve))
}

const statusOf = (r: LightMyRequestResponse) => (r.statusCode === 200 ? r.json<{ status: string }>().status : null)

describe('a resident cancelling while the desk checks the booking in', () => {
  it('one of the two wins each booking; the loser gets 409 INVALID_STATE and the slot count follows', async () => {
    const won = { cancel: 0, checkIn: 0 }
    for (let round = 0; round < 3; round++) {
      // Starts in half an hour: check-in is open and (no cut-off) so is cancelling.
      const slot = await createSlot(staff, {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('employment'),
        startsInMinutes: 30,
        capacity: 10
      })
      const owners = take(10)
      const ids = await bookAll(slot, owners)
      expect(await bookedOf(slot)).toBe(10)

      // Every pair in flight together: half of them with the check-in sent first, the second of each pair 0, 1 or
      // 2 turns of the event loop after the first, so that each side wins some (on SQLite the order alone decides).
      const first = ids.map((id, i) => (i % 2 === 0 ? cancel(owners[i]!, id) : checkIn(id)))
      await turns(round)
      const second = ids.map((id, i) => (i % 2 === 0 ? checkIn(id) : cancel(owners[i]!, id)))
      const [firsts, seconds] = await Promise.all([Promise.all(first), Promise.all(second)])
      const pairs = ids.map((id, i) => ({
        id,
        owner: owners[i]!,
        cancelled: i % 2 === 0 ? firsts[i]! : seconds[i]!,
        checkedIn: i % 2 === 0 ? seconds[i]! : firsts[i]!
      }))

      let cancelledCount = 0
      for (const { id, owner, cancelled, checkedIn } of pairs) {
        for (const r of [cancelled, checkedIn]) {
          expect([200, 409], r.body).toContain(r.statusCode)
          if (r.statusCode === 409) expect(errorCode(r)).toBe('INVALID_STATE')
        }
        // Exactly one wins, and its answer is what the booking became.
        expect([cancelled.statusCode, checkedIn.statusCode].sort()).toEqual([200, 409])
        const final = (await owner.request({ method: 'GET', url: `/api/v1/bookings/${id}` })).json().status
        if (cancelled.statusCode === 200) {
          expect(statusOf(cancelled)).toBe('cancelled')
          expect(final).toBe('cancelled')
          cancelledCount += 1
        } else {
          expect(statusOf(checkedIn)).toBe('checked_in')
          expect(final).toBe('checked_in')
        }
      }
      const { booked, held } = await expectInStep(slot)
      expect(booked).toBe(10 - cancelledCount)
      expect(held.every((b) => b.status === 'checked_in')).toBe(true)
      won.cancel += cancelledCount
      won.checkIn += 10 - cancelledCount
    }
    // Both sides won some races.
    expect(won.cancel).toBeGreaterThan(0)
    expect(won.checkIn).toBeGreaterThan(0)
  })
})

describe('one booking cancelled many times at once', () => {
  it('every answer is 200 cancelled and the place is freed exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const slot = await createSlot(staff, {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('records'),
        startsInMinutes: 3 * 24 * 60,
        capacity: 3
      })
      // A second booking keeps the count above zero, so a place freed twice shows.
      const [owner, other] = take(2)
      const [id] = await bookAll(slot, [owner!, other!])
      expect(await bookedOf(slot)).toBe(2)

      const answers = await Promise.all(Array.from({ length: 10 }, () => cancel(owner!, id!)))
      for (const r of answers) {
        expect(r.statusCode, r.body).toBe(200)
        expect(r.json()).toMatchObject({ id, status: 'cancelled' })
      }
      const { booked, held } = await expectInStep(slot)
      expect(booked).toBe(1)
      expect(held.map((b) => b.veteranId)).toEqual([other!.veteranId])
    }
  })
})

describe('leaving the waitlist while a cancellation frees a place', () => {
  it("each leave's answer agrees with what became of the entry", async () => {
    const seen = { left: 0, promoted: 0 }
    for (let round = 0; round < 6; round++) {
      const slot = await createSlot(staff, {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('legal_aid'),
        startsInMinutes: 4 * 24 * 60,
        capacity: 2
      })
      const holders = take(2)
      const waiters = take(3)
      const held = await bookAll(slot, holders)
      const entries: string[] = []
      for (const w of waiters) {
        const joined = await join(w, slot.id)
        expect(joined.statusCode, joined.body).toBe(201)
        entries.push(joined.json().id)
      }

      // The two cancellations and the three leaves in flight together. Which group goes out first alternates, and
      // the second follows 0, 1 or 2 turns of the event loop later: the leaves meet the cancellations at other
      // points of their way, so that both answers of a leave are met (on SQLite the order alone decides).
      const sendCancels = () => holders.map((h, i) => cancel(h, held[i]!))
      const sendLeaves = () => waiters.map((w, i) => leave(w, entries[i]!))
      let cancels: Promise<LightMyRequestResponse>[]
      let leaves: Promise<LightMyRequestResponse>[]
      if (round % 2 === 0) {
        cancels = sendCancels()
        await turns(Math.floor(round / 2))
        leaves = sendLeaves()
      } else {
        leaves = sendLeaves()
        await turns(Math.floor(round / 2))
        cancels = sendCancels()
      }
      const left = await Promise.all(leaves)
      for (const c of await Promise.all(cancels)) expect(c.statusCode, c.body).toBe(200)

      for (const [i, r] of left.entries()) {
        const entry = await entryOf(waiters[i]!, slot.id)
        const holding = await holdingOn(waiters[i]!, slot.id)
        if (r.statusCode === 204) {
          // It left: no booking of the slot came of the entry.
          seen.left += 1
          expect(entry).toMatchObject({ status: 'cancelled', endedReason: 'left', position: 0, bookingId: null })
          expect(holding).toEqual([])
        } else {
          // Refused because it had been promoted: the veteran holds the booking the refusal names.
          seen.promoted += 1
          expect(r.statusCode, r.body).toBe(409)
          expect(errorCode(r)).toBe('INVALID_STATE')
          expect(entry).toMatchObject({ status: 'promoted', position: 0 })
          expect(holding).toHaveLength(1)
          expect(holding[0]).toMatchObject({ id: entry.bookingId, status: 'booked' })
          expect(r.json().error.details.bookingId).toBe(entry.bookingId)
        }
      }
      // Nobody is left waiting, and the freed places went to the queue unless it had emptied.
      const { booked } = await expectInStep(slot)
      expect((await slotSeen(staff, slot.id)).waiting).toBe(0)
      expect(booked).toBe(left.filter((r) => r.statusCode === 409).length)
    }
    // Both answers were met: the test saw a leave win and a leave lose to a promotion.
    expect(seen.left + seen.promoted).toBe(18)
    expect(seen.left).toBeGreaterThan(0)
    expect(seen.promoted).toBeGreaterThan(0)
  })
})

describe('many joining one full waitlist at once', () => {
  it('all 15 join, with positions 1..15, each given once', async () => {
    for (let round = 0; round < 2; round++) {
      const slot = await createSlot(staff, {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('hardship_aid'),
        startsInMinutes: 5 * 24 * 60,
        capacity: 1
      })
      await bookAll(slot, take(1))
      const joiners = take(15)

      const answers = await Promise.all(joiners.map((j) => join(j, slot.id)))
      for (const r of answers) expect(r.statusCode, r.body).toBe(201)
      const expected = Array.from({ length: 15 }, (_, i) => i + 1)
      expect(answers.map((r) => r.json().position as number).sort((a, b) => a - b)).toEqual(expected)

      const listed = await Promise.all(joiners.map((j) => entryOf(j, slot.id)))
      expect(listed.map((e) => e.status)).toEqual(Array(15).fill('waiting'))
      expect(listed.map((e) => e.position).sort((a, b) => a - b)).toEqual(expected)
      // Nobody left meanwhile: each keeps the position it was given.
      expect(listed.map((e) => e.position)).toEqual(answers.map((r) => r.json().position))
      expect((await slotSeen(staff, slot.id)).waiting).toBe(15)
    }
  })
})

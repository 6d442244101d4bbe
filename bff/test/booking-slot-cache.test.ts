import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { catalog, createSlot, DONGHU } from './booking-helpers'

// Slot lists are cached between writes; these tests make sure a list never shows a stale place count.
let app: FastifyInstance
let dir: string
let staff: Session
let veteran: Session
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'slot-cache-'))
  app = await buildTestApp({ DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}` })
  staff = await signInStaff(app, 'donghu')
  veteran = await signInWechat(app, 'laowang')
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

async function remainingOf(slot: { id: string; centerId: string; serviceId: string }) {
  const listed = await veteran.request({
    method: 'GET',
    url: `/api/v1/slots?centerId=${slot.centerId}&serviceId=${slot.serviceId}`
  })
  expect(listed.statusCode).toBe(200)
  return listed.json().items.find((s: { id: string }) => s.id === slot.id)?.remaining as number
}

describe('slot lists between writes', () => {
  it('show a booking, a cancellation and a capacity change at once', async () => {
    const c = await catalog(staff)
    const slot = await createSlot(staff, {
      centerId: c.center(DONGHU),
      serviceId: c.service('records'),
      startsInMinutes: 26 * 60,
      capacity: 3
    })
    expect(await remainingOf(slot)).toBe(3)
    const booked = await veteran.request({ method: 'POST', url: '/api/v1/bookings', payload: { slotId: slot.id } })
    expect(booked.statusCode).toBe(201)
    expect(await remainingOf(slot)).toBe(2)
    await veteran.request({ method: 'POST', url: `/api/v1/bookings/${booked.json().id}/cancel`, payload: {} })
    expect(await remainingOf(slot)).toBe(3)
    await staff.request({ method: 'PATCH', url: `/api/v1/staff/slots/${slot.id}`, payload: { capacity: 5 } })
    expect(await remainingOf(slot)).toBe(5)
  })

  it('show a change committed by another process on the same database file', async () => {
    const c = await catalog(staff)
    const slot = await createSlot(staff, {
      centerId: c.center(DONGHU),
      serviceId: c.service('counselling'),
      startsInMinutes: 27 * 60,
      capacity: 4
    })
    expect(await remainingOf(slot)).toBe(4)
    const other = new Database(path.join(dir, 'db.sqlite'))
    other.prepare('UPDATE slots SET capacity = 6 WHERE id = ?').run(slot.id)
    other.close()
    expect(await remainingOf(slot)).toBe(6)
  })

  it('answer a repeated list with the same JSON, serialized through the contract', async () => {
    const c = await catalog(staff)
    const slot = await createSlot(staff, {
      centerId: c.center(DONGHU),
      serviceId: c.service('legal_aid'),
      startsInMinutes: 28 * 60,
      capacity: 2
    })
    const url = `/api/v1/slots?centerId=${slot.centerId}&serviceId=${slot.serviceId}`
    const first = await veteran.request({ method: 'GET', url })
    const second = await veteran.request({ method: 'GET', url })
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(second.body).toBe(first.body)
    const item = second.json().items.find((s: { id: string }) => s.id === slot.id)
    expect(Object.keys(item).sort()).toEqual(
      [
        'bookable',
        'cancellableUntil',
        'capacity',
        'centerId',
        'endsAt',
        'id',
        'remaining',
        'serviceId',
        'startsAt',
        'status',
        'waiting'
      ].sort()
    )
    expect(item).toMatchObject({ id: slot.id, capacity: 2, remaining: 2, bookable: true, status: 'open' })
  })

  it('stop offering a listed slot once it starts, with no write in between', async () => {
    const c = await catalog(staff)
    const slot = await createSlot(staff, {
      centerId: c.center(DONGHU),
      serviceId: c.service('hardship_aid'),
      startsInMinutes: 0.02,
      capacity: 2
    })
    const url = `/api/v1/slots?centerId=${slot.centerId}&serviceId=${slot.serviceId}`
    const listed = async () =>
      (await veteran.request({ method: 'GET', url })).json().items.find((s: { id: string }) => s.id === slot.id)
    expect(await listed()).toMatchObject({ bookable: true, remaining: 2 })
    await new Promise((resolve) => setTimeout(resolve, Date.parse(slot.startsAt) - Date.now() + 50))
    expect(await listed()).toMatchObject({ bookable: false, remaining: 2 })
  })
})

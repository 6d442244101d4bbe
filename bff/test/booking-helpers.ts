import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { idNumberCheckChar } from '@veterans/shared'
import { addDays, beijingInstant, beijingToday } from '@veterans/shared/rules'
import { signInWechat, type Session } from '../src/testing/index'

// Shared set-up of the booking tests: demo centers and services by name, slots created through the staff API,
// and eligible veterans made the way people become eligible (registry record, WeChat sign-in, binding).

export interface Catalog {
  centers: Map<string, { id: string; name: string; phone: string }>
  services: Map<string, { id: string; name: string; durationMinutes: number }>
  center(name: string): string
  service(code: string): string
}

export async function catalog(session: Session): Promise<Catalog> {
  const centersResponse = await session.request({ method: 'GET', url: '/api/v1/centers' })
  const servicesResponse = await session.request({ method: 'GET', url: '/api/v1/services' })
  expect(centersResponse.statusCode, centersResponse.body).toBe(200)
  expect(servicesResponse.statusCode, servicesResponse.body).toBe(200)
  const centers = centersResponse.json().items as { id: string; name: string; phone: string }[]
  const services = servicesResponse.json().items as {
    id: string
    code: string
    name: string
    durationMinutes: number
  }[]
  const byName = new Map(centers.map((c) => [c.name, c]))
  const byCode = new Map(services.map((s) => [s.code, s]))
  return {
    centers: byName,
    services: byCode,
    center: (name) => byName.get(name)?.id ?? expect.fail(`no center ${name}`),
    service: (code) => byCode.get(code)?.id ?? expect.fail(`no service ${code}`)
  }
}

export const DONGHU = '东湖区退役军人服务中心'
export const XIJIANG = '西江区退役军人服务中心'
export const JIEFANG = '东湖区解放街道退役军人服务站'

let slotSerial = 0

/**
 * A slot created by staff, starting `startsInMinutes` from now. A few seconds of serial offset keep start times
 * unique, so tests never collide with each other or with the demo schedule (which starts on the minute).
 */
export async function createSlot(
  staff: Session,
  input: { centerId: string; serviceId: string; startsInMinutes: number; durationMinutes?: number; capacity: number }
) {
  slotSerial += 1
  const startsAt = new Date(Date.now() + input.startsInMinutes * 60_000 + slotSerial * 1000)
  startsAt.setUTCMilliseconds(0)
  const endsAt = new Date(startsAt.getTime() + (input.durationMinutes ?? 30) * 60_000)
  const response = await staff.request({
    method: 'POST',
    url: '/api/v1/staff/slots',
    payload: {
      centerId: input.centerId,
      serviceId: input.serviceId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity: input.capacity
    }
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{
    id: string
    startsAt: string
    endsAt: string
    capacity: number
    centerId: string
    serviceId: string
  }>()
}

const eveningsTaken = new Map<number, number>()

/**
 * Minutes from now to a start `daysAhead` days from today (Beijing calendar) in the evening: 19:00 Beijing, then
 * 40 minutes later for each call of the same day. A veteran's bookings must not overlap (TIME_CONFLICT): slots of
 * up to 40 minutes made this way overlap neither each other nor the demo veteran's demo bookings (mornings, within
 * opening hours), whatever the time of day the tests run.
 */
export function eveningIn(daysAhead: number): number {
  const taken = eveningsTaken.get(daysAhead) ?? 0
  eveningsTaken.set(daysAhead, taken + 1)
  const start = Date.parse(beijingInstant(addDays(beijingToday(), daysAhead), '19:00')) + taken * 40 * 60_000
  return (start - Date.now()) / 60_000
}

let idSerial = 0

/** A valid 18-digit ID number unlike any demo record (birth years 1990–1999 in area 419921, serials from 900). */
export function testIdNumber(): string {
  idSerial += 1
  const year = 1990 + (idSerial % 10)
  const day = String(1 + (Math.floor(idSerial / 10) % 28)).padStart(2, '0')
  const month = String(1 + (Math.floor(idSerial / 280) % 12)).padStart(2, '0')
  const serial = String(900 + (Math.floor(idSerial / 3360) % 99)).padStart(3, '0')
  const first17 = `419921${year}${month}${day}${serial}`
  return first17 + idNumberCheckChar(first17)
}

/**
 * Eligible veterans: a registry record added by `registrar`, a WeChat account signed in as `<prefix>-<i>`, and
 * that account bound to the record — the way a real veteran becomes eligible.
 */
export async function createVeterans(
  app: FastifyInstance,
  registrar: Session,
  prefix: string,
  count: number,
  chunk = 25
) {
  const sessions: (Session & { veteranId: string; name: string })[] = []
  for (let start = 0; start < count; start += chunk) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(chunk, count - start) }, async (_, k) => {
        const i = start + k
        const name = `测试${prefix}${i}`
        let idNumber = testIdNumber()
        let created = await registrar.request({
          method: 'POST',
          url: '/api/v1/staff/veterans',
          payload: { name, idNumber, districtCode: '419921', category: 'soldier' }
        })
        while (created.statusCode === 409) {
          idNumber = testIdNumber()
          created = await registrar.request({
            method: 'POST',
            url: '/api/v1/staff/veterans',
            payload: { name, idNumber, districtCode: '419921', category: 'soldier' }
          })
        }
        expect(created.statusCode, created.body).toBe(201)
        const session = await signInWechat(app, `${prefix}-${i}`)
        const bound = await session.request({ method: 'POST', url: '/api/v1/me/veteran', payload: { name, idNumber } })
        expect(bound.statusCode, bound.body).toBe(200)
        return Object.assign(session, { veteranId: created.json().id as string, name })
      })
    )
    sessions.push(...batch)
  }
  return sessions
}

/** Links a (new or existing) WeChat account to a veteran as family, through the veteran's invitation. */
export async function linkFamily(app: FastifyInstance, veteran: Session, familyName: string, relation = 'child') {
  const invite = await veteran.request({ method: 'POST', url: '/api/v1/me/family-invites' })
  expect(invite.statusCode, invite.body).toBe(201)
  const family = await signInWechat(app, familyName)
  const link = await family.request({
    method: 'POST',
    url: '/api/v1/me/family-links',
    payload: { code: invite.json().code, relation }
  })
  expect(link.statusCode, link.body).toBe(201)
  return family
}

let keySerial = 0
export const newKey = () => `test-key-${Date.now()}-${++keySerial}`

export function book(session: Session, payload: Record<string, unknown>, key: string = newKey()) {
  return session.request({ method: 'POST', url: '/api/v1/bookings', payload, headers: { 'idempotency-key': key } })
}

/** What a client sees of a slot: GET /slots/:id. */
export async function slotSeen(session: Session, slotId: string) {
  const response = await session.request({ method: 'GET', url: `/api/v1/slots/${slotId}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ capacity: number; remaining: number; status: string; waiting: number; bookable: boolean }>()
}

/**
 * The staff day board's view of a slot: the bookings that hold a place (not cancelled). Together with
 * `remaining` it shows whether the slot's count and its bookings agree.
 */
export async function placesHeld(staff: Session, slot: { id: string; centerId: string; startsAt: string }) {
  const date = new Date(Date.parse(slot.startsAt) + 8 * 3_600_000).toISOString().slice(0, 10)
  const response = await staff.request({
    method: 'GET',
    url: `/api/v1/staff/bookings?centerId=${slot.centerId}&date=${date}`
  })
  expect(response.statusCode, response.body).toBe(200)
  return (response.json().items as { slotId: string; status: string; veteranId: string }[]).filter(
    (b) => b.slotId === slot.id && b.status !== 'cancelled'
  )
}

export function errorCode(response: LightMyRequestResponse) {
  return response.json<{ error?: { code: string } }>().error?.code
}

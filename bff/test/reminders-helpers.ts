import { expect } from 'vitest'
import { addDays, beijingInstant, beijingToday } from '@veterans/shared/rules'
import type { Session } from '../src/testing/index'
import type { Catalog } from './booking-helpers'

// Set-up shared by the reminder and WeChat tests: slots at a chosen Beijing wall-clock time, and what a person
// finds in their notifications.

let minuteSerial = 0

/**
 * A slot `daysAhead` days from today (Beijing) at about `time` (HH:mm): a few minutes later for each call, so
 * slots never collide with each other or with the demo schedule (which starts on the hour and half hour).
 */
export async function slotOn(
  staff: Session,
  cat: Catalog,
  input: { daysAhead: number; time: string; service: string; center: string; today?: string }
) {
  minuteSerial += 1
  const base = Date.parse(beijingInstant(addDays(input.today ?? beijingToday(), input.daysAhead), input.time))
  const startsAt = new Date(base + (minuteSerial % 25) * 60_000 + 60_000)
  return slotStartingAt(staff, cat, { startsAt, service: input.service, center: input.center })
}

export async function slotStartingAt(
  staff: Session,
  cat: Catalog,
  input: { startsAt: Date; service: string; center: string }
) {
  const response = await staff.request({
    method: 'POST',
    url: '/api/v1/staff/slots',
    payload: {
      centerId: cat.center(input.center),
      serviceId: cat.service(input.service),
      startsAt: input.startsAt.toISOString(),
      endsAt: new Date(input.startsAt.getTime() + 30 * 60_000).toISOString(),
      capacity: 5
    }
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string; startsAt: string }>()
}

export interface Told {
  id: string
  kind: string
  title: string
  body: string
  data: { bookingId?: string; threadId?: string }
}

export async function toldOf(session: Session, kind?: string): Promise<Told[]> {
  const response = await session.request({ method: 'GET', url: '/api/v1/me/notifications?limit=100' })
  expect(response.statusCode, response.body).toBe(200)
  const items = response.json().items as Told[]
  return kind ? items.filter((n) => n.kind === kind) : items
}

export const remindersOf = async (session: Session, bookingId: string) =>
  (await toldOf(session, 'booking.reminder')).filter((n) => n.data.bookingId === bookingId)

import type { Booking, Center, Me, Service, Slot, TokenPair } from '@veterans/shared'
import { addDays, beijingDateOf, beijingInstant, beijingTimeOf, beijingToday } from '@veterans/shared/rules'
import { DEMO_PASSWORD } from './harness/server'

/**
 * The booking e2e tests' direct line to the BFF: to arrange a situation the test is not about (a full slot, a
 * booking that starts soon) and to check what the server holds after the browser has acted.
 */
export interface Caller {
  token: string
  user: Me
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>
  ): Promise<{ status: number; body: T }>
}

async function request<T>(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {}
) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers
    },
    body: body !== undefined ? JSON.stringify(body) : undefined
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

function caller(baseUrl: string, pair: TokenPair): Caller {
  return {
    token: pair.accessToken,
    user: pair.user,
    call: (method, path, body, headers) => request(baseUrl, method, path, pair.accessToken, body, headers)
  }
}

/** dev-WeChat sign-in as `dev:<name>` (laowang = veteran 王建国, xiaowang = his family, others = new residents). */
export async function asPerson(baseUrl: string, name: string): Promise<Caller> {
  const { status, body } = await request<TokenPair>(baseUrl, 'POST', '/auth/wechat', undefined, { code: `dev:${name}` })
  if (status !== 200) throw new Error(`sign-in of ${name} failed: ${status}`)
  return caller(baseUrl, body)
}

export async function asStaff(baseUrl: string, username: string): Promise<Caller> {
  const { status, body } = await request<TokenPair>(baseUrl, 'POST', '/auth/staff', undefined, {
    username,
    password: DEMO_PASSWORD
  })
  if (status !== 200) throw new Error(`staff sign-in of ${username} failed: ${status}`)
  return caller(baseUrl, body)
}

export async function reference(api: Caller) {
  const [services, centers] = await Promise.all([
    api.call<{ items: Service[] }>('GET', '/services'),
    api.call<{ items: Center[] }>('GET', '/centers')
  ])
  const service = (code: string) => services.body.items.find((s) => s.code === code)!
  const center = (name: string) => centers.body.items.find((c) => c.name === name)!
  return { service, center }
}

export async function bookingsOf(api: Caller, when: 'upcoming' | 'past' = 'upcoming'): Promise<Booking[]> {
  return (await api.call<{ items: Booking[] }>('GET', `/bookings?when=${when}&limit=100`)).body.items
}

export async function slotsOf(api: Caller, centerId: string, serviceId: string, date: string): Promise<Slot[]> {
  return (
    await api.call<{ items: Slot[] }>(
      'GET',
      `/slots?centerId=${centerId}&serviceId=${serviceId}&from=${date}&to=${date}`
    )
  ).body.items
}

/** A time of day a few minutes from now in Beijing, rounded to 5 minutes, with the date it falls on. */
export function soon(minutesAhead: number): { date: string; time: string } {
  const at = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 300_000) * 300_000)
  return { date: beijingDateOf(at), time: beijingTimeOf(at) }
}

/** Staff open one slot (API) on a day `daysAhead` from today at `time`, for `minutes`. */
export async function openSlot(
  staff: Caller,
  centerId: string,
  serviceId: string,
  daysAhead: number,
  time: string,
  capacity: number,
  minutes = 30
) {
  const date = addDays(beijingToday(), daysAhead)
  const startsAt = beijingInstant(date, time)
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString()
  const { status, body } = await staff.call<Slot>('POST', '/staff/slots', {
    centerId,
    serviceId,
    startsAt,
    endsAt,
    capacity
  })
  if (status !== 201) throw new Error(`opening a slot failed: ${status} ${JSON.stringify(body)}`)
  return { slot: body, date }
}

export { addDays, beijingToday }

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'

// Every booking route: bad input → 400 with details.fields, no token → 401, wrong role → 403.

let app: FastifyInstance
let laowang: Session
let donghu: Session

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, donghu] = await Promise.all([signInWechat(app, 'laowang'), signInStaff(app, 'donghu')])
})
afterAll(() => app.close())

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
interface RouteCase {
  method: Method
  url: string
  /** Who may call it: people (resident/veteran/family), staff (staff/admin) or anyone signed in. */
  who: 'people' | 'staff' | 'anyone'
  /** A request with bad input and the field paths it must name. */
  bad?: { url?: string; payload?: unknown; headers?: Record<string, string>; fields: string[] }
}

const LONG_ID = 'x'.repeat(65)
const ID = '01JZZZZZZZZZZZZZZZZZZZZZZZ'

const ROUTES: RouteCase[] = [
  {
    method: 'GET',
    url: '/api/v1/slots',
    who: 'anyone',
    bad: { url: '/api/v1/slots?centerId=a&from=2026-13&to=tomorrow', fields: ['querystring.from', 'querystring.to'] }
  },
  {
    method: 'GET',
    url: '/api/v1/slots/days',
    who: 'anyone',
    bad: { url: '/api/v1/slots/days?serviceId=', fields: ['querystring.serviceId'] }
  },
  {
    method: 'GET',
    url: `/api/v1/slots/${ID}`,
    who: 'anyone',
    bad: { url: `/api/v1/slots/${LONG_ID}`, fields: ['params.id'] }
  },
  {
    method: 'POST',
    url: '/api/v1/bookings',
    who: 'people',
    bad: { payload: { slotId: 7, note: 'x'.repeat(201) }, fields: ['body.slotId', 'body.note'] }
  },
  {
    method: 'POST',
    url: '/api/v1/bookings',
    who: 'people',
    bad: {
      payload: { slotId: ID },
      headers: { 'idempotency-key': 'x'.repeat(129) },
      fields: ['headers.idempotency-key']
    }
  },
  {
    method: 'GET',
    url: '/api/v1/bookings',
    who: 'people',
    bad: {
      url: '/api/v1/bookings?status=lost&when=soon&limit=101',
      fields: ['querystring.status', 'querystring.when', 'querystring.limit']
    }
  },
  {
    method: 'GET',
    url: `/api/v1/bookings/${ID}`,
    who: 'people',
    bad: { url: `/api/v1/bookings/${LONG_ID}`, fields: ['params.id'] }
  },
  {
    method: 'POST',
    url: `/api/v1/bookings/${ID}/cancel`,
    who: 'people',
    bad: { payload: { reason: 'x'.repeat(201) }, fields: ['body.reason'] }
  },
  {
    method: 'POST',
    url: `/api/v1/bookings/${ID}/reschedule`,
    who: 'people',
    bad: { payload: {}, fields: ['body.slotId'] }
  },
  {
    method: 'POST',
    url: `/api/v1/bookings/${ID}/rating`,
    who: 'people',
    bad: { payload: { score: 6, comment: 'x'.repeat(501) }, fields: ['body.score', 'body.comment'] }
  },
  {
    method: 'POST',
    url: '/api/v1/waitlist',
    who: 'people',
    bad: { payload: { veteranId: '' }, fields: ['body.slotId', 'body.veteranId'] }
  },
  { method: 'GET', url: '/api/v1/waitlist', who: 'people' },
  {
    method: 'DELETE',
    url: `/api/v1/waitlist/${ID}`,
    who: 'people',
    bad: { url: `/api/v1/waitlist/${LONG_ID}`, fields: ['params.id'] }
  },
  {
    method: 'POST',
    url: '/api/v1/staff/slots',
    who: 'staff',
    bad: {
      payload: { centerId: 'c', serviceId: 's', startsAt: 'soon', endsAt: '2026-12-01T01:30:00.000Z', capacity: 0 },
      fields: ['body.startsAt', 'body.capacity']
    }
  },
  {
    method: 'POST',
    url: '/api/v1/staff/slots/batch',
    who: 'staff',
    bad: {
      payload: {
        centerId: 'c',
        serviceId: 's',
        from: '2026-12-01',
        to: '2026-12-31',
        weekdays: [],
        times: ['9-10'],
        capacity: 201
      },
      fields: ['body.weekdays', 'body.times.0', 'body.capacity']
    }
  },
  {
    method: 'GET',
    url: '/api/v1/staff/slots',
    who: 'staff',
    bad: { url: '/api/v1/staff/slots?from=1%2F1', fields: ['querystring.from'] }
  },
  {
    method: 'PATCH',
    url: `/api/v1/staff/slots/${ID}`,
    who: 'staff',
    bad: { payload: { capacity: -1, status: 'paused' }, fields: ['body.capacity', 'body.status'] }
  },
  {
    method: 'GET',
    url: '/api/v1/staff/bookings',
    who: 'staff',
    bad: { url: '/api/v1/staff/bookings?date=today', fields: ['querystring.date'] }
  },
  {
    method: 'POST',
    url: `/api/v1/staff/bookings/${ID}/check-in`,
    who: 'staff',
    bad: { payload: { checkInCode: '' }, fields: ['body.checkInCode'] }
  },
  {
    method: 'POST',
    url: `/api/v1/staff/bookings/${ID}/complete`,
    who: 'staff',
    bad: { url: `/api/v1/staff/bookings/${LONG_ID}/complete`, fields: ['params.id'] }
  },
  {
    method: 'POST',
    url: `/api/v1/staff/bookings/${ID}/no-show`,
    who: 'staff',
    bad: { url: `/api/v1/staff/bookings/${LONG_ID}/no-show`, fields: ['params.id'] }
  }
]

const label = (r: RouteCase) => `${r.method} ${r.url.replace(ID, ':id')}`
const bodyFor = (r: RouteCase): InjectOptions => (r.method === 'POST' || r.method === 'PATCH' ? { payload: {} } : {})

describe('every booking route', () => {
  it.each(ROUTES.filter((r) => r.bad).map((r) => [label(r), r] as const))(
    '%s: bad input is 400 with details.fields',
    async (_, route) => {
      const session = route.who === 'staff' ? donghu : laowang
      const response = await session.request({
        method: route.method,
        url: route.bad!.url ?? route.url,
        payload: route.bad!.payload as InjectOptions['payload'],
        headers: route.bad!.headers
      })
      expect(response.statusCode, response.body).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
      const paths = (response.json().error.details.fields as { path: string; message: string }[]).map((f) => f.path)
      expect(paths).toEqual(expect.arrayContaining(route.bad!.fields))
      for (const field of response.json().error.details.fields) expect(field.message).toMatch(/[\u4e00-\u9fff]/)
    }
  )

  it.each(ROUTES.map((r) => [label(r), r] as const))('%s: no or invalid token is 401', async (_, route) => {
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const response = await app.inject({
        method: route.method,
        url: route.url,
        ...bodyFor(route),
        headers: authorization ? { authorization } : {}
      })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHENTICATED')
    }
  })

  it.each(ROUTES.filter((r) => r.who !== 'anyone').map((r) => [label(r), r] as const))(
    '%s: the wrong role is 403',
    async (_, route) => {
      const wrong = route.who === 'staff' ? laowang : donghu
      const response = await wrong.request({ method: route.method, url: route.url, ...bodyFor(route) })
      expect(response.statusCode).toBe(403)
      expect(response.json().error.code).toBe('FORBIDDEN')
    }
  )
})

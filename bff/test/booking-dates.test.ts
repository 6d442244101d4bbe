import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { catalog, DONGHU, type Catalog } from './booking-helpers'

// Dates that do not exist are bad input: 400 with the field named, never a 500.
let app: FastifyInstance
let staff: Session
let veteran: Session
let cat: Catalog
beforeAll(async () => {
  app = await buildTestApp()
  staff = await signInStaff(app, 'donghu')
  veteran = await signInWechat(app, 'laowang')
  cat = await catalog(staff)
})
afterAll(() => app.close())

describe('calendar dates', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-2-01', 'tomorrow'])(
    'GET /slots, /slots/days and /staff/slots refuse from=%s with 400',
    async (date) => {
      const centerId = cat.center(DONGHU)
      for (const [session, url] of [
        [veteran, `/api/v1/slots?centerId=${centerId}&from=${date}`],
        [veteran, `/api/v1/slots/days?centerId=${centerId}&from=${date}`],
        [staff, `/api/v1/staff/slots?centerId=${centerId}&from=${date}`],
        [staff, `/api/v1/staff/bookings?centerId=${centerId}&date=${date}`]
      ] as const) {
        const response = await session.request({ method: 'GET', url })
        expect(response.statusCode, url).toBe(400)
        expect(response.json().error.details.fields[0].path).toMatch(/^querystring\.(from|date)$/)
      }
    }
  )

  it('refuses a batch whose dates do not exist with 400', async () => {
    const response = await staff.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('records'),
        from: '2026-02-30',
        to: '2026-13-01',
        weekdays: [1],
        times: ['09:00-09:30'],
        capacity: 2
      }
    })
    expect(response.statusCode).toBe(400)
    expect(
      response
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort()
    ).toEqual(['body.from', 'body.to'])
  })
})

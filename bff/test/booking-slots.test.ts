// Long on purpose: every rule of the slot routes (listing, batch, capacity, closing) against one seeded app.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { scheduleDays, type HolidayCalendar } from '../src/modules/booking/calendar'
import {
  book,
  catalog,
  createSlot,
  createVeterans,
  DONGHU,
  errorCode,
  eveningIn,
  JIEFANG,
  XIJIANG,
  type Catalog
} from './booking-helpers'

// Slots as people browse them, and the staff schedule: single and batch creation, capacity, closing.

let app: FastifyInstance
let laowang: Session
let donghu: Session
let cat: Catalog

beforeAll(async () => {
  app = await buildTestApp()
  laowang = await signInWechat(app, 'laowang')
  donghu = await signInStaff(app, 'donghu')
  cat = await catalog(laowang)
})
afterAll(() => app.close())
afterEach(() => {
  vi.useRealTimers()
})

const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

describe('GET /slots (people browse)', () => {
  it('lists the demo schedule of a center and service for the next 14 days, working days only', async () => {
    const response = await laowang.request({
      method: 'GET',
      url: `/api/v1/slots?centerId=${cat.center(DONGHU)}&serviceId=${cat.service('employment')}`
    })
    expect(response.statusCode).toBe(200)
    const items = response.json().items as {
      startsAt: string
      capacity: number
      remaining: number
      status: string
      bookable: boolean
    }[]
    expect(items.length).toBeGreaterThanOrEqual(20)
    const today = shanghaiDay(new Date().toISOString())
    for (const slot of items) {
      expect(slot.status).toBe('open')
      expect(slot.capacity).toBeGreaterThanOrEqual(2)
      expect(slot.capacity).toBeLessThanOrEqual(6)
      expect(weekday(shanghaiDay(slot.startsAt))).toBeLessThanOrEqual(5)
      expect(shanghaiDay(slot.startsAt) > today).toBe(true)
      const hour = Number(new Date(Date.parse(slot.startsAt) + 8 * 3_600_000).toISOString().slice(11, 13))
      expect(hour >= 9 && hour < 17).toBe(true)
    }
    expect([...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))).toEqual(items)
  })

  it('shows places taken, and the calendar and detail views agree with the list', async () => {
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('employment'),
      startsInMinutes: eveningIn(2),
      capacity: 3
    })
    expect((await book(laowang, { slotId: slot.id })).statusCode).toBe(201)
    const listed = (
      await laowang.request({
        method: 'GET',
        url: `/api/v1/slots?centerId=${cat.center(DONGHU)}&serviceId=${cat.service('employment')}`
      })
    ).json().items
    expect(listed.find((s: { id: string }) => s.id === slot.id)).toMatchObject({
      capacity: 3,
      remaining: 2,
      bookable: true,
      waiting: 0
    })

    const detail = await laowang.request({ method: 'GET', url: `/api/v1/slots/${slot.id}` })
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({
      id: slot.id,
      remaining: 2,
      centerName: DONGHU,
      serviceName: '就业创业指导',
      centerPhone: '0399-2612300'
    })
    expect(detail.json().requiredDocuments).toContain('身份证')

    const days = (
      await laowang.request({
        method: 'GET',
        url: `/api/v1/slots/days?centerId=${cat.center(DONGHU)}&serviceId=${cat.service('employment')}`
      })
    ).json().items
    expect(days).toHaveLength(14)
    const day = days.find((d: { date: string }) => d.date === shanghaiDay(slot.startsAt))
    const sameDay = listed.filter((s: { startsAt: string }) => shanghaiDay(s.startsAt) === day.date)
    expect(day.slots).toBe(sameDay.length)
    expect(day.remaining).toBe(sameDay.reduce((n: number, s: { remaining: number }) => n + s.remaining, 0))
  })

  it('refuses a query without center or service, a reversed or over-long range, and unknown slots', async () => {
    const none = await laowang.request({ method: 'GET', url: '/api/v1/slots' })
    expect(none.statusCode).toBe(400)
    expect(none.json().error.details.fields[0].path).toBe('querystring.centerId')
    const long = await laowang.request({
      method: 'GET',
      url: `/api/v1/slots?centerId=${cat.center(DONGHU)}&from=2026-01-01&to=2026-03-01`
    })
    expect(long.statusCode).toBe(400)
    expect(long.json().error.details.fields[0]).toMatchObject({ path: 'querystring.to' })
    const reversed = await laowang.request({
      method: 'GET',
      url: `/api/v1/slots/days?centerId=${cat.center(DONGHU)}&from=2026-03-10&to=2026-03-01`
    })
    expect(reversed.statusCode).toBe(400)
    const badDate = await laowang.request({
      method: 'GET',
      url: `/api/v1/slots?centerId=${cat.center(DONGHU)}&from=2026-1-1`
    })
    expect(badDate.statusCode).toBe(400)
    expect(badDate.json().error.details.fields[0].path).toBe('querystring.from')
    expect((await laowang.request({ method: 'GET', url: '/api/v1/slots/NO-SUCH-SLOT' })).statusCode).toBe(404)
  })
})

describe('POST /staff/slots', () => {
  it('creates a slot at the own center, audited, and refuses a duplicate, another center and a service not offered', async () => {
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('records'),
      startsInMinutes: 26 * 60,
      capacity: 4
    })
    expect(slot).toMatchObject({
      capacity: 4,
      booked: 0,
      remaining: 4,
      status: 'open',
      centerName: DONGHU,
      closedReason: null
    })

    const duplicate = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: {
        centerId: slot.centerId,
        serviceId: slot.serviceId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        capacity: 2
      }
    })
    expect(duplicate.statusCode).toBe(409)
    expect(errorCode(duplicate)).toBe('SLOT_EXISTS')

    const start = new Date(Date.now() + 30 * 3_600_000).toISOString()
    const end = new Date(Date.now() + 31 * 3_600_000).toISOString()
    const elsewhere = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: {
        centerId: cat.center(XIJIANG),
        serviceId: cat.service('records'),
        startsAt: start,
        endsAt: end,
        capacity: 2
      }
    })
    expect(elsewhere.statusCode).toBe(403)
    const jiefang = await signInStaff(app, 'donghu-jiefang')
    const notOffered = await jiefang.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: {
        centerId: cat.center(JIEFANG),
        serviceId: cat.service('legal_aid'),
        startsAt: start,
        endsAt: end,
        capacity: 2
      }
    })
    expect(notOffered.statusCode).toBe(400)
    expect(notOffered.json().error.details.fields[0].path).toBe('body.serviceId')

    const city = await signInStaff(app, 'city')
    const byCity = await city.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: {
        centerId: cat.center(XIJIANG),
        serviceId: cat.service('records'),
        startsAt: start,
        endsAt: end,
        capacity: 2
      }
    })
    expect(byCity.statusCode).toBe(201)

    const admin = await signInStaff(app, 'admin')
    const audit = (await admin.request({ method: 'GET', url: '/api/v1/admin/audit?action=booking.slot.create' })).json()
      .items
    expect(audit.map((e: { entityId: string }) => e.entityId)).toEqual(
      expect.arrayContaining([slot.id, byCity.json().id])
    )
  })

  it('refuses a start in the past, an end before the start and an over-long slot', async () => {
    const base = { centerId: cat.center(DONGHU), serviceId: cat.service('records'), capacity: 2 }
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
    const past = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: { ...base, startsAt: at(-1), endsAt: at(1) }
    })
    expect(past.json().error.details.fields[0].path).toBe('body.startsAt')
    const backwards = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: { ...base, startsAt: at(5), endsAt: at(4) }
    })
    expect(backwards.json().error.details.fields[0].path).toBe('body.endsAt')
    const long = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots',
      payload: { ...base, startsAt: at(5), endsAt: at(20) }
    })
    expect(long.statusCode).toBe(400)
  })
})

describe('POST /staff/slots/batch and the holiday calendar', () => {
  it('skips public holidays, includes weekend make-up working days, and skips existing slots on a second run', async () => {
    // Early September 2026: the official schedule has 中秋 (9/25) and 国庆 (10/1–7) ahead, with make-up working
    // days on Sunday 9/20 and Saturday 10/10.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-09-01T02:00:00.000Z') })
    const staff = await signInStaff(app, 'donghu')
    const payload = {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('entrepreneurship'),
      from: '2026-09-14',
      to: '2026-10-16',
      weekdays: [1, 2, 3, 4, 5],
      times: ['09:00-09:45', '14:30-15:15'],
      capacity: 3
    }
    const first = await staff.request({ method: 'POST', url: '/api/v1/staff/slots/batch', payload })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toEqual({
      created: 21 * 2,
      skippedExisting: 0,
      skippedHolidays: ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      makeupWorkdays: ['2026-09-20', '2026-10-10']
    })
    const listed = (
      await staff.request({
        method: 'GET',
        url: `/api/v1/staff/slots?serviceId=${payload.serviceId}&from=2026-09-14&to=2026-10-14`
      })
    ).json().items as { startsAt: string; endsAt: string }[]
    const dates = new Set(listed.map((s) => shanghaiDay(s.startsAt)))
    expect(dates.has('2026-09-20')).toBe(true)
    expect(dates.has('2026-10-10')).toBe(true)
    expect(dates.has('2026-10-01')).toBe(false)
    expect(dates.has('2026-09-19')).toBe(false)
    expect(listed.find((s) => shanghaiDay(s.startsAt) === '2026-09-20')).toMatchObject({
      startsAt: '2026-09-20T01:00:00.000Z',
      endsAt: '2026-09-20T01:45:00.000Z'
    })

    const again = await staff.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...payload, to: '2026-10-23', times: ['09:00-09:45'] }
    })
    expect(again.json()).toMatchObject({ created: 5, skippedExisting: 21 })
  })

  it('refuses a range that is already over, naming the field', async () => {
    const staff = await signInStaff(app, 'donghu')
    const over = await staff.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: {
        centerId: cat.center(DONGHU),
        serviceId: cat.service('education'),
        from: '2026-11-01',
        to: '2026-11-10',
        weekdays: [1, 2, 3, 4, 5],
        times: ['10:00-10:20'],
        capacity: 2
      }
    })
    expect(over.statusCode).toBe(400)
    expect(over.json().error.details.fields).toEqual([
      { path: 'body.to', message: '所选日期都已过去，请从今天或以后开始安排' }
    ])
  })

  it('a weekend-only pattern gets no make-up days, and the (estimated) 2027 New Year holiday is skipped', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T02:00:00.000Z') })
    const staff = await signInStaff(app, 'donghu')
    const base = {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('education'),
      times: ['10:00-10:20'],
      capacity: 2
    }
    const newYear = await staff.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, from: '2026-12-28', to: '2027-01-08', weekdays: [1, 2, 3, 4, 5] }
    })
    expect(newYear.json()).toMatchObject({ created: 9, skippedHolidays: ['2027-01-01'], makeupWorkdays: [] })
    const weekends = await staff.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, from: '2027-01-09', to: '2027-01-17', weekdays: [6, 7] }
    })
    expect(weekends.json()).toMatchObject({ created: 4 })
  })

  it('schedule rules hold for any calendar: holidays win over the pattern, make-up days join working-day patterns only', () => {
    const kinds: Record<string, 'holiday' | 'makeup_workday'> = {
      '2030-01-07': 'holiday',
      '2030-01-12': 'makeup_workday'
    }
    const calendar: HolidayCalendar = { kindOf: (date) => kinds[date] ?? 'normal' }
    // 2030-01-07 is a Monday, 2030-01-12 a Saturday.
    expect(scheduleDays('2030-01-06', '2030-01-13', [1, 3], calendar)).toEqual({
      dates: ['2030-01-09', '2030-01-12'],
      skippedHolidays: ['2030-01-07'],
      makeupWorkdays: ['2030-01-12']
    })
    expect(scheduleDays('2030-01-06', '2030-01-13', [7], calendar)).toEqual({
      dates: ['2030-01-06', '2030-01-13'],
      skippedHolidays: [],
      makeupWorkdays: []
    })
    expect(scheduleDays('2030-01-06', '2030-01-13', [6], calendar)).toEqual({
      dates: ['2030-01-12'],
      skippedHolidays: [],
      makeupWorkdays: []
    })
  })

  it('refuses reversed ranges, over-long ranges, backwards times and another center', async () => {
    const base = {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('education'),
      weekdays: [1],
      times: ['10:00-10:20'],
      capacity: 2
    }
    const reversed = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, from: '2027-03-10', to: '2027-03-01' }
    })
    expect(reversed.json().error.details.fields[0].path).toBe('body.to')
    const long = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, from: '2027-03-01', to: '2027-09-01' }
    })
    expect(long.json().error.details.fields[0].path).toBe('body.to')
    const backwards = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, from: '2027-03-01', to: '2027-03-10', times: ['09:00-09:30', '11:00-10:00'] }
    })
    expect(backwards.json().error.details.fields).toEqual([{ path: 'body.times.1', message: '结束时间须晚于开始时间' }])
    const malformed = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, from: '2027-03-01', to: '2027-03-10', weekdays: [0, 8], times: ['9:00'] }
    })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['body.weekdays.0', 'body.weekdays.1', 'body.times.0'])
    )
    const elsewhere = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/slots/batch',
      payload: { ...base, centerId: cat.center(XIJIANG), from: '2027-03-01', to: '2027-03-10' }
    })
    expect(elsewhere.statusCode).toBe(403)
  })
})

describe('PATCH /staff/slots/:id', () => {
  it('refuses capacity below the places taken, and raising it fills places from the waitlist', async () => {
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('counselling'),
      startsInMinutes: eveningIn(3),
      capacity: 1
    })
    expect((await book(laowang, { slotId: slot.id })).statusCode).toBe(201)
    const xiaowang = await signInWechat(app, 'xiaowang')
    // 王建国 already holds the place, so his daughter cannot queue for him; another veteran can.
    const admin = await signInStaff(app, 'admin')
    const [other] = await createVeterans(app, admin, 'patch', 1)
    const queued = await other!.request({ method: 'POST', url: '/api/v1/waitlist', payload: { slotId: slot.id } })
    expect(queued.statusCode).toBe(201)
    expect(
      errorCode(
        await xiaowang.request({
          method: 'POST',
          url: '/api/v1/waitlist',
          payload: { slotId: slot.id, veteranId: queued.json().veteranId }
        })
      )
    ).toBe('NOT_ELIGIBLE')

    const below = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { capacity: 1 }
    })
    expect(below.statusCode).toBe(200)
    const raised = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { capacity: 3 }
    })
    expect(raised.json()).toMatchObject({ capacity: 3, booked: 2, remaining: 1, waiting: 0 })
    const promoted = (await other!.request({ method: 'GET', url: '/api/v1/bookings?when=upcoming' })).json().items
    expect(promoted.map((b: { slotId: string }) => b.slotId)).toContain(slot.id)
    const refused = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { capacity: 1 }
    })
    expect(refused.statusCode).toBe(409)
    expect(errorCode(refused)).toBe('CAPACITY_BELOW_BOOKED')
    expect(refused.json().error.details).toEqual({ booked: 2 })
  })

  it('closing needs a reason, cancels the bookings and the waitlist, and tells each person', async () => {
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('education'),
      startsInMinutes: eveningIn(3),
      capacity: 1
    })
    const xiaowang = await signInWechat(app, 'xiaowang')
    const me = (await laowang.request({ method: 'GET', url: '/api/v1/me' })).json()
    const booked = await book(xiaowang, { slotId: slot.id, veteranId: me.veteran.id })
    expect(booked.statusCode, booked.body).toBe(201)

    const noReason = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { status: 'closed' }
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.fields[0].path).toBe('body.reason')

    const closed = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { status: 'closed', reason: '工作人员外出培训' }
    })
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedReason: '工作人员外出培训',
      booked: 0,
      remaining: 0,
      bookable: false
    })
    const after = (await laowang.request({ method: 'GET', url: `/api/v1/bookings/${booked.json().id}` })).json()
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: '工作人员外出培训', cancelledBy: 'staff' })
    for (const person of [laowang, xiaowang]) {
      const told = (await person.request({ method: 'GET', url: '/api/v1/me/notifications' }))
        .json()
        .items.filter(
          (n: { kind: string; data: { bookingId?: string } }) =>
            n.kind === 'booking.slot_closed' && n.data.bookingId === booked.json().id
        )
      expect(told).toHaveLength(1)
      expect(told[0].body).toContain('工作人员外出培训')
      expect(told[0].body).toContain('0399-2612300')
    }
    expect(errorCode(await book(laowang, { slotId: slot.id }))).toBe('SLOT_NOT_BOOKABLE')
    const reopened = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { status: 'open' }
    })
    expect(reopened.json()).toMatchObject({ status: 'open', closedReason: null, remaining: 1 })

    const admin = await signInStaff(app, 'admin')
    const audit = (await admin.request({ method: 'GET', url: '/api/v1/admin/audit?action=booking.slot.update' })).json()
      .items
    expect(
      audit.find(
        (e: { entityId: string; detail: { status?: string } }) => e.entityId === slot.id && e.detail.status === 'closed'
      )?.detail
    ).toMatchObject({ cancelledBookings: 1 })
  })

  it("another center's slot is 404 to district staff and open to the city center", async () => {
    const xijiang = await signInStaff(app, 'xijiang')
    const slot = await createSlot(xijiang, {
      centerId: cat.center(XIJIANG),
      serviceId: cat.service('records'),
      startsInMinutes: 3 * 24 * 60,
      capacity: 2
    })
    const foreign = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/slots/${slot.id}`,
      payload: { capacity: 5 }
    })
    expect(foreign.statusCode).toBe(404)
    const city = await signInStaff(app, 'city')
    expect(
      (await city.request({ method: 'PATCH', url: `/api/v1/staff/slots/${slot.id}`, payload: { capacity: 5 } })).json()
        .capacity
    ).toBe(5)
    expect(
      (await donghu.request({ method: 'GET', url: `/api/v1/staff/slots?centerId=${cat.center(XIJIANG)}` })).statusCode
    ).toBe(403)
    const own = (await xijiang.request({ method: 'GET', url: '/api/v1/staff/slots' })).json().items
    expect(own.every((s: { centerId: string }) => s.centerId === cat.center(XIJIANG))).toBe(true)
    expect(own.map((s: { id: string }) => s.id)).toContain(slot.id)
  })
})

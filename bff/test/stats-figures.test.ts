import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { bj, statsFixture, WEEK } from './stats-helpers'

let app: FastifyInstance
let admin: Session
let city: Session
let xijiangStaff: Session
let fixture: Awaited<ReturnType<typeof statsFixture>>
let s1: { id: string; name: string }
let s2: { id: string; name: string }

const stats = (session: Session, query: Record<string, string>) =>
  session.request({ method: 'GET', url: '/api/v1/staff/stats', query })

beforeAll(async () => {
  app = await buildTestApp()
  ;[admin, city, xijiangStaff] = await Promise.all([
    signInStaff(app, 'admin'),
    signInStaff(app, 'city'),
    signInStaff(app, 'xijiang')
  ])
  fixture = await statsFixture(app)
  ;[s1, s2] = fixture.services as [typeof s1, typeof s2]
  const { xijiang, donghu, booking, thread, notice } = fixture

  // Bookings by their slot's Beijing date.
  await booking(xijiang, s1.id, bj('2031-03-03', '09:00'), 'completed', 5)
  await booking(xijiang, s1.id, bj('2031-03-03', '23:30'), 'booked') // 15:30 UTC: still the 3rd
  await booking(xijiang, s2.id, bj('2031-03-05', '00:30'), 'no_show') // 16:30 UTC on the 4th: the 5th in Beijing
  await booking(xijiang, s2.id, bj('2031-03-05', '10:00'), 'cancelled') // counts nowhere
  await booking(xijiang, s1.id, bj('2031-03-09', '16:00'), 'completed', 3)
  await booking(xijiang, s1.id, bj('2031-03-02', '23:59'), 'completed', 1) // the day before the period
  await booking(xijiang, s1.id, bj('2031-03-10', '00:00'), 'no_show') // the day after
  await booking(donghu, s1.id, bj('2031-03-04', '10:00'), 'completed', 4)

  // Threads begun in the week; first responses in working minutes (Mon–Fri 09:00–17:00).
  await thread(xijiang, bj('2031-03-03', '10:00'), bj('2031-03-03', '10:30')) // 30
  await thread(xijiang, bj('2031-03-03', '16:00'), bj('2031-03-04', '10:00')) // 60 + 60 = 120
  await thread(xijiang, bj('2031-03-07', '16:30'), bj('2031-03-10', '09:15'), 1) // Friday 30 + Monday 15 = 45
  await thread(xijiang, bj('2031-03-08', '12:00'), bj('2031-03-08', '13:00')) // a Saturday: 0
  await thread(xijiang, bj('2031-03-04', '09:00'), null, 2) // not answered yet
  await thread(xijiang, bj('2031-03-10', '09:00'), bj('2031-03-10', '09:05'), 4) // after the period
  await thread(donghu, bj('2031-03-05', '09:00'), bj('2031-03-05', '09:10')) // 10

  await notice(await fixture.userId('xijiang'), 'sent', bj('2031-03-04', '10:00'), 4, 1)
  await notice(await fixture.userId('xijiang'), 'draft', null, 0, 0)
  await notice(await fixture.userId('xijiang'), 'sent', bj('2031-03-11', '10:00'), 5, 5) // after the period
  await notice(await fixture.userId('donghu'), 'sent', bj('2031-03-06', '10:00'), 2, 2)
})
afterAll(() => app.close())

describe('GET /staff/stats figures', () => {
  it("counts one center's week exactly", async () => {
    const response = await stats(admin, { ...WEEK, centerId: fixture.xijiang })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.period).toEqual({ ...WEEK, centerId: fixture.xijiang, centerName: '西江区退役军人服务中心' })
    expect(body.bookings).toEqual({
      total: 4,
      byService: [
        { serviceId: s1.id, name: s1.name, count: 3 },
        { serviceId: s2.id, name: s2.name, count: 1 }
      ],
      byDay: [
        { date: '2031-03-03', count: 2 },
        { date: '2031-03-04', count: 0 },
        { date: '2031-03-05', count: 1 },
        { date: '2031-03-06', count: 0 },
        { date: '2031-03-07', count: 0 },
        { date: '2031-03-08', count: 0 },
        { date: '2031-03-09', count: 1 }
      ],
      noShowRate: 0.3333,
      avgRating: 4,
      ratingDistribution: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 1 },
        { score: 4, count: 0 },
        { score: 5, count: 1 }
      ]
    })
    // Waits 0, 30, 45, 120 (nearest rank): P50 the 2nd, P90 the 4th.
    expect(body.messages).toEqual({
      threads: 5,
      firstResponseMinutesP50: 30,
      firstResponseMinutesP90: 120,
      slaBreaches: 3
    })
    expect(body.notices).toEqual({ sent: 1, readRate: 0.25 })
  })

  it('adds every center up for the city', async () => {
    const body = (await stats(city, WEEK)).json()
    expect(body.period).toEqual({ ...WEEK, centerId: null, centerName: '全市' })
    expect(body.bookings.total).toBe(5)
    expect(body.bookings.byDay[1]).toEqual({ date: '2031-03-04', count: 1 })
    expect(body.bookings.noShowRate).toBe(0.25)
    expect(body.bookings.avgRating).toBe(4)
    expect(body.bookings.ratingDistribution.map((r: { count: number }) => r.count)).toEqual([0, 0, 1, 1, 1])
    // Waits 0, 10, 30, 45, 120.
    expect(body.messages).toEqual({
      threads: 6,
      firstResponseMinutesP50: 30,
      firstResponseMinutesP90: 120,
      slaBreaches: 3
    })
    expect(body.notices).toEqual({ sent: 2, readRate: 0.5 })
  })

  it('answers nulls, not zeros, where nothing could be measured', async () => {
    const body = (await stats(admin, { from: '2032-01-01', to: '2032-01-01' })).json()
    expect(body.bookings).toMatchObject({ total: 0, byService: [], noShowRate: null, avgRating: null })
    expect(body.bookings.byDay).toEqual([{ date: '2032-01-01', count: 0 }])
    expect(body.messages).toEqual({
      threads: 0,
      firstResponseMinutesP50: null,
      firstResponseMinutesP90: null,
      slaBreaches: 0
    })
    expect(body.notices).toEqual({ sent: 0, readRate: null })
  })

  it('counts the veterans on the register in the scope, by district and category', async () => {
    const before = (await stats(xijiangStaff, WEEK)).json().veterans
    const cityBefore = (await stats(admin, WEEK)).json().veterans
    await fixture.veteran('419903', 'soldier')
    await fixture.veteran('419903', 'soldier')
    await fixture.veteran('419903', 'other')
    await fixture.veteran('419903', 'soldier', 'deceased') // not on the register
    await fixture.veteran('419904', 'soldier')
    const after = (await stats(xijiangStaff, WEEK)).json().veterans
    expect(after.total).toBe(before.total + 3)
    expect(after.byDistrict).toEqual([{ code: '419903', name: '西江区', count: before.byDistrict[0].count + 3 }])
    const count = (v: typeof after, category: string) =>
      v.byCategory.find((c: { category: string }) => c.category === category).count as number
    expect(count(after, 'soldier')).toBe(count(before, 'soldier') + 2)
    expect(count(after, 'other')).toBe(count(before, 'other') + 1)
    expect(after.byCategory).toHaveLength(5)
    const cityAfter = (await stats(admin, WEEK)).json().veterans
    expect(cityAfter.total).toBe(cityBefore.total + 4)
    expect(cityAfter.byDistrict.map((d: { code: string }) => d.code)).toContain('419904')
  })
})

describe('GET /staff/stats scope and input', () => {
  it("gives district staff their own center's figures and refuses another center's with 403", async () => {
    const own = await stats(xijiangStaff, WEEK)
    expect(own.statusCode).toBe(200)
    expect(own.json().period.centerId).toBe(fixture.xijiang)
    expect(own.json().bookings.total).toBe(4)
    expect((await stats(xijiangStaff, { ...WEEK, centerId: fixture.xijiang })).statusCode).toBe(200)
    const other = await stats(xijiangStaff, { ...WEEK, centerId: fixture.donghu })
    expect(other.statusCode).toBe(403)
    expect(other.json().error.code).toBe('FORBIDDEN')
    expect((await stats(xijiangStaff, { ...WEEK, centerId: 'nope' })).statusCode).toBe(403)
    const donghuStaff = await signInStaff(app, 'donghu')
    const donghuOwn = (await stats(donghuStaff, WEEK)).json()
    expect(donghuOwn.bookings.total).toBe(1)
    expect(donghuOwn.veterans.byDistrict.map((d: { code: string }) => d.code)).toEqual(['419902'])
  })

  it('answers 404 for an unknown center to those who may choose any', async () => {
    const response = await stats(admin, { ...WEEK, centerId: 'nope' })
    expect(response.statusCode).toBe(404)
  })

  it('refuses residents (403) and anonymous callers (401)', async () => {
    const laowang = await signInWechat(app, 'laowang')
    expect((await stats(laowang, WEEK)).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/staff/stats', query: WEEK })).statusCode).toBe(401)
  })

  it('refuses a period backwards, longer than 366 days or not dates with 400 naming the field', async () => {
    const backwards = await stats(admin, { from: '2031-03-09', to: '2031-03-03' })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(backwards.json().error.details.fields[0].path).toBe('querystring.to')
    const tooLong = await stats(admin, { from: '2030-01-01', to: '2031-01-02' })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error.details.fields[0].path).toBe('querystring.to')
    expect((await stats(admin, { from: '2030-01-01', to: '2031-01-01' })).statusCode).toBe(200) // 366 days
    const notADate = await stats(admin, { from: '2031-02-30', to: '2031-03-03' })
    expect(notADate.statusCode).toBe(400)
    expect(notADate.json().error.details.fields[0].path).toMatch(/from/)
    const missing = await stats(admin, { from: '2031-03-03' })
    expect(missing.statusCode).toBe(400)
  })
})

describe('GET /staff/stats.csv', () => {
  it('downloads the same figures as a UTF-8 CSV with a BOM, one section per table', async () => {
    const response = await xijiangStaff.request({ method: 'GET', url: '/api/v1/staff/stats.csv', query: WEEK })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/csv/)
    expect(response.headers['content-disposition']).toMatch(/^attachment;/)
    const text = response.rawPayload.toString('utf8')
    expect(text.startsWith('\uFEFF统计期间,2031-03-03 至 2031-03-09\r\n')).toBe(true)
    expect(text).toContain('服务中心,西江区退役军人服务中心\r\n')
    expect(text).toContain('预约总数,4\r\n')
    expect(text).toContain('爽约率,33.3%\r\n')
    expect(text).toContain('\r\n每日预约\r\n日期,预约数\r\n2031-03-03,2\r\n2031-03-04,0\r\n')
    expect(text).toContain(`${s1.name},3\r\n`)
    expect(text).toContain('3 星,1\r\n')
    expect(text).toContain('首次回复用时中位数（工作分钟）,30\r\n')
  })

  it('keeps the same scope and checks', async () => {
    const url = '/api/v1/staff/stats.csv'
    expect(
      (await xijiangStaff.request({ method: 'GET', url, query: { ...WEEK, centerId: fixture.donghu } })).statusCode
    ).toBe(403)
    expect(
      (await admin.request({ method: 'GET', url, query: { from: '2031-03-09', to: '2031-03-03' } })).statusCode
    ).toBe(400)
  })
})

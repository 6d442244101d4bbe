import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { query } from '../src/db/query'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { answer, ask } from './messaging-helpers'
import { bj, WEEK } from './stats-helpers'

// A first staff answer records its wait in working minutes on the thread, in the reply's transaction; the
// dashboard then finds the percentiles by rank in the database. The clock is set to a week no demo thread reaches.

let app: FastifyInstance

beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => {
  vi.useRealTimers()
  return app.close()
})

/** Moves the clock and signs the center's staff in again (their access token lasts less than the day's waits). */
async function staffAt(date: string, time: string) {
  vi.setSystemTime(Date.parse(bj(date, time)))
  return signInStaff(app, 'donghu')
}

describe('first response in working minutes', () => {
  it('is written with the first answer only, and the dashboard ranks it exactly', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(bj('2031-03-03', '10:00')) }) // a Monday
    const resident = await signInWechat(app, 'laowang')
    const threads = [await ask(resident), await ask(resident, { subject: '第二个问题' })]
    let donghu = await staffAt('2031-03-03', '10:30')
    expect((await answer(donghu, threads[0]!.id, '请带身份证。')).statusCode).toBe(201)
    donghu = await staffAt('2031-03-03', '16:30')
    expect((await answer(donghu, threads[1]!.id, '已收到。')).statusCode).toBe(201)
    const third = await ask(await signInWechat(app, 'laowang'), { subject: '第三个问题' })
    donghu = await staffAt('2031-03-04', '10:00') // Monday 16:30–17:00 and Tuesday 09:00–10:00
    expect((await answer(donghu, third.id, '好的。')).statusCode).toBe(201)
    expect((await answer(donghu, threads[0]!.id, '还有户口簿。')).statusCode).toBe(201) // a later answer: no change

    const minutes = (id: string) => query(app.db, 'SELECT first_response_minutes FROM threads WHERE id = ?').value(id)
    expect(await Promise.all([minutes(threads[0]!.id), minutes(threads[1]!.id), minutes(third.id)])).toEqual([
      30, 390, 90
    ])

    // Waits 30, 90, 390 (nearest rank): P50 the 2nd, P90 the 3rd.
    const admin: Session = await signInStaff(app, 'admin')
    const body = (await admin.request({ method: 'GET', url: '/api/v1/staff/stats', query: WEEK })).json()
    expect(body.messages).toEqual({
      threads: 3,
      firstResponseMinutesP50: 90,
      firstResponseMinutesP90: 390,
      slaBreaches: 0
    })
    const own = (await donghu.request({ method: 'GET', url: '/api/v1/staff/stats', query: WEEK })).json()
    expect(own.messages).toEqual(body.messages)
    const elsewhere = await signInStaff(app, 'xijiang')
    const none = (await elsewhere.request({ method: 'GET', url: '/api/v1/staff/stats', query: WEEK })).json()
    expect(none.messages).toEqual({
      threads: 0,
      firstResponseMinutesP50: null,
      firstResponseMinutesP90: null,
      slaBreaches: 0
    })
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildTestApp, signInStaff, signInWechat } from '../src/testing/index'
import { book, catalog, createVeterans, DONGHU } from './booking-helpers'
import { remindersOf, slotOn } from './reminders-helpers'

// A reminder lives in the database: scheduled by one process, sent by the next one after a restart, exactly once.

const dir = mkdtempSync(path.join(tmpdir(), 'veterans-reminders-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('reminders across a restart', () => {
  it('are scheduled before, sent after, and never twice', async () => {
    let now = Date.now()
    const env = { DATABASE_URL: `file:${path.join(dir, 'veterans.db')}`, JOB_POLL_MS: '3600000' }
    const build = () => buildTestApp(env, { clock: () => now })

    const first = await build()
    const admin = await signInStaff(first, 'admin')
    const city = await signInStaff(first, 'city')
    const cat = await catalog(city)
    const [veteran] = await createVeterans(first, admin, 'restart', 1)
    const slot = await slotOn(city, cat, { daysAhead: 3, time: '15:00', service: 'employment', center: DONGHU })
    const booked = await book(veteran!, { slotId: slot.id })
    expect(booked.statusCode, booked.body).toBe(201)
    const bookingId = booked.json().id as string
    await first.close()

    now = Date.parse(slot.startsAt) - 23 * 3_600_000
    const second = await build()
    expect(await second.jobs.runDue()).toBeGreaterThanOrEqual(1)
    const again = await signInWechat(second, 'restart-0')
    expect(await remindersOf(again, bookingId)).toHaveLength(1)
    await second.close()

    const third = await build()
    await third.jobs.runDue()
    expect(await remindersOf(await signInWechat(third, 'restart-0'), bookingId)).toHaveLength(1)
    await third.close()
  })
})

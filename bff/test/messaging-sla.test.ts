import { describe, expect, it } from 'vitest'
import { slaDueAt, slaStateAt, workingTimeBetween } from '../src/modules/messaging/sla'

// The reply promise counted in working hours: Mon–Fri 09:00–17:00 Beijing time, with the public holidays and
// make-up working days of config/holidays.json (2026: 劳动节 May 1–5 off, Saturday May 9 worked).

/** A Beijing wall-clock time as the UTC instant the API uses. */
const bj = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00.000+08:00`)).toISOString()
const HOUR = 3_600_000

describe('slaDueAt: 8 working hours after the wait began', () => {
  it('stays within one working day when it fits', () => {
    expect(slaDueAt(bj('2026-03-04', '09:00'))).toBe(bj('2026-03-04', '17:00'))
  })

  it('carries over to the next working day', () => {
    expect(slaDueAt(bj('2026-03-04', '15:30'))).toBe(bj('2026-03-05', '15:30'))
  })

  it('skips a weekend', () => {
    // Friday 15:00: 2 hours on Friday, 6 on Monday.
    expect(slaDueAt(bj('2026-03-06', '15:00'))).toBe(bj('2026-03-09', '15:00'))
  })

  it('starts counting at 09:00 when asked outside working hours', () => {
    expect(slaDueAt(bj('2026-03-07', '10:00'))).toBe(bj('2026-03-09', '17:00'))
    expect(slaDueAt(bj('2026-03-04', '22:45'))).toBe(bj('2026-03-05', '17:00'))
    expect(slaDueAt(bj('2026-03-05', '06:00'))).toBe(bj('2026-03-05', '17:00'))
  })

  it('skips public holidays', () => {
    // Thursday April 30, 14:00: 3 hours that day; May 1–5 off; 5 hours on Wednesday May 6.
    expect(slaDueAt(bj('2026-04-30', '14:00'))).toBe(bj('2026-05-06', '14:00'))
  })

  it('counts a make-up working day (调休上班), even on a Saturday', () => {
    // Friday May 8, 16:00: 1 hour that day, 7 on Saturday May 9 (worked).
    expect(slaDueAt(bj('2026-05-08', '16:00'))).toBe(bj('2026-05-09', '16:00'))
  })
})

describe('working time between two instants', () => {
  it('counts only working hours', () => {
    expect(workingTimeBetween(bj('2026-03-06', '16:00'), bj('2026-03-09', '10:00'))).toBe(2 * HOUR)
    expect(workingTimeBetween(bj('2026-04-30', '16:00'), bj('2026-05-06', '10:00'))).toBe(2 * HOUR)
    expect(workingTimeBetween(bj('2026-05-08', '16:00'), bj('2026-05-09', '10:00'))).toBe(2 * HOUR)
    expect(workingTimeBetween(bj('2026-03-09', '10:00'), bj('2026-03-06', '10:00'))).toBe(0)
  })
})

describe('slaStateAt', () => {
  const due = bj('2026-03-09', '15:00')
  it('is ok with more than 2 working hours left', () => {
    expect(slaStateAt(due, bj('2026-03-06', '16:30'))).toBe('ok')
    expect(slaStateAt(due, bj('2026-03-09', '12:59'))).toBe('ok')
  })
  it('is due soon within 2 working hours, counted across a weekend', () => {
    expect(slaStateAt(due, bj('2026-03-09', '13:00'))).toBe('due_soon')
    expect(slaStateAt(bj('2026-03-09', '10:00'), bj('2026-03-06', '16:00'))).toBe('due_soon')
    expect(slaStateAt(bj('2026-03-09', '10:00'), bj('2026-03-07', '12:00'))).toBe('due_soon')
  })
  it('is breached from the due time on', () => {
    expect(slaStateAt(due, due)).toBe('breached')
    expect(slaStateAt(due, bj('2026-03-09', '20:00'))).toBe('breached')
  })
})

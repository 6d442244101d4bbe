import { describe, expect, it } from 'vitest'
import {
  addDays,
  beijingClock,
  beijingDateOf,
  beijingInstant,
  beijingTimeOf,
  beijingToday,
  daysBetween,
  isoWeekday
} from '../src/rules/beijing-time'

// Beijing is UTC+8 all year: its midnight is 16:00 UTC the day before, whatever zone the machine runs in.
describe('Beijing time', () => {
  it('reads the Beijing wall clock of an instant, given as ISO, Date or milliseconds', () => {
    const instant = '2026-11-30T23:30:00.000Z'
    expect(beijingClock(instant)).toEqual({ year: 2026, month: 12, day: 1, hour: 7, minute: 30 })
    expect(beijingDateOf(instant)).toBe('2026-12-01')
    expect(beijingDateOf(new Date(instant))).toBe('2026-12-01')
    expect(beijingDateOf(Date.parse(instant))).toBe('2026-12-01')
    expect(beijingTimeOf('2026-12-01T01:05:00.000Z')).toBe('09:05')
  })

  it('turns the date over at Beijing midnight, across a year end', () => {
    expect(beijingDateOf('2026-12-31T15:59:59.999Z')).toBe('2026-12-31')
    expect(beijingDateOf('2026-12-31T16:00:00.000Z')).toBe('2027-01-01')
    expect(beijingToday(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02')
  })

  it('turns a Beijing date and time into the instant the API wants, and back', () => {
    expect(beijingInstant('2026-12-01', '09:30')).toBe('2026-12-01T01:30:00.000Z')
    expect(beijingInstant('2026-03-01')).toBe('2026-02-28T16:00:00.000Z')
    const instant = beijingInstant('2027-01-01', '00:15')
    expect([beijingDateOf(instant), beijingTimeOf(instant)]).toEqual(['2027-01-01', '00:15'])
    expect(() => beijingInstant('2026-13-01', '09:00')).toThrow(RangeError)
  })

  it('counts calendar days across month, year and leap-day ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', 14)).toBe('2026-03-15')
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3)
  })

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(isoWeekday('2026-11-30')).toBe(1)
    expect(isoWeekday('2026-12-01')).toBe(2)
    expect(isoWeekday('2026-12-06')).toBe(7)
  })
})

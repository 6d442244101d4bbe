import type { Booking } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '../src/features/booking/calendar'
import { dayFromAddress, searchWith } from '../src/features/booking/chosen-day'
import { heldByService, heldText, isHeld } from '../src/features/booking/held-bookings'

// The 预约 list saying what is already booked, and the day chosen on 选择时间 kept in the page's address.

const booking = (over: Partial<Booking>): Booking =>
  ({
    id: 'b1',
    serviceId: 'employment',
    veteranId: 'v1',
    status: 'booked',
    startsAt: '2026-12-07T01:00:00.000Z',
    endsAt: '2026-12-07T01:30:00.000Z',
    ...over
  }) as Booking

describe('services already booked', () => {
  const now = new Date('2026-12-05T02:00:00.000Z')

  it('a booked or checked-in visit not yet over holds its service; cancelled, finished or over does not', () => {
    expect(isHeld(booking({}), now)).toBe(true)
    expect(isHeld(booking({ status: 'checked_in' }), now)).toBe(true)
    for (const status of ['cancelled', 'completed', 'no_show'] as const)
      expect(isHeld(booking({ status }), now)).toBe(false)
    expect(isHeld(booking({ endsAt: '2026-12-05T01:59:00.000Z' }), now)).toBe(false)
  })

  it('lists only the chosen veteran’s, one per service, the soonest', () => {
    const held = heldByService(
      [
        booking({ id: 'later', startsAt: '2026-12-09T01:00:00.000Z', endsAt: '2026-12-09T01:30:00.000Z' }),
        booking({ id: 'sooner' }),
        booking({ id: 'other-veteran', serviceId: 'records', veteranId: 'v2' }),
        booking({ id: 'cancelled', serviceId: 'legal_aid', status: 'cancelled' })
      ],
      'v1',
      now
    )
    expect([...held.keys()]).toEqual(['employment'])
    expect(held.get('employment')!.id).toBe('sooner')
    expect(heldByService([booking({ veteranId: 'v2' })], 'v2', now).has('employment')).toBe(true)
  })

  it('says when, in Beijing time: 已预约 12月7日 09:00', () => {
    expect(heldText(booking({}), '2026-12-05')).toBe('已预约 12月7日 09:00')
    expect(heldText(booking({ startsAt: '2026-12-05T06:30:00.000Z' }), '2026-12-05')).toBe('已预约 今天 14:30')
  })
})

describe('the chosen day in the address', () => {
  const today = '2026-12-05'
  const day = (date: string, state: CalendarDay['state']) => ({ date, state })
  const calendar = [day('2026-12-05', 'none'), day('2026-12-07', 'open'), day('2026-12-08', 'taken')]

  it('is kept when it is a real date from today on', () => {
    expect(dayFromAddress('2026-12-07', today)).toBe('2026-12-07')
    expect(dayFromAddress('2026-12-05', today)).toBe('2026-12-05')
  })

  it('is ignored when invalid or past', () => {
    for (const value of [undefined, '', '2026-12-4', '2026-02-30', '2026-13-01', '20261207', 'x', '2026-12-04'])
      expect(dayFromAddress(value, today)).toBeUndefined()
  })

  it('once the calendar is known, only a day of it that has slots (open or full) is kept', () => {
    expect(dayFromAddress('2026-12-07', today, calendar)).toBe('2026-12-07')
    expect(dayFromAddress('2026-12-08', today, calendar)).toBe('2026-12-08')
    expect(dayFromAddress('2026-12-05', today, calendar)).toBeUndefined()
    expect(dayFromAddress('2026-12-30', today, calendar)).toBeUndefined()
  })

  it('is written into the query, replacing an earlier one and keeping the other parameters', () => {
    expect(searchWith('?serviceId=s1&centerId=c1', 'date', '2026-12-07')).toBe(
      '?serviceId=s1&centerId=c1&date=2026-12-07'
    )
    expect(searchWith('?serviceId=s1&date=2026-12-07&centerId=c1', 'date', '2026-12-08')).toBe(
      '?serviceId=s1&date=2026-12-08&centerId=c1'
    )
    expect(searchWith('', 'date', '2026-12-07')).toBe('?date=2026-12-07')
  })
})

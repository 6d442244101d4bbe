import type { Booking, Center, Me, SlotDay } from '@veterans/shared'
import { addDays, beijingDateOf, beijingInstant, isoWeekday } from '@veterans/shared/rules'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/api/errors'
import { attemptSignature, forgetAttempt, keyForAttempt } from '../src/features/booking/attempt-keys'
import { calendarDays, firstOpenDay, groupByDay, groupByTime, slotState } from '../src/features/booking/calendar'
import { distanceMetres, distanceText, orderCenters } from '../src/features/booking/centers'
import { dayText, momentText, timeRange, weekdayName, whenText } from '../src/features/booking/dates'
import { loadCached, MAX_CACHED_CHARS, saveCached } from '../src/features/booking/offline-cache'
import { bookingAccess, bookingPeople, chosenPerson, veteranIdFor } from '../src/features/booking/people'
import { refusalOf } from '../src/features/booking/refusals'
import {
  bookingStatusText,
  canRate,
  changeWindow,
  RATING_WORDS,
  waitlistStatusText
} from '../src/features/booking/status'
import { attendanceWindow, findByCheckInCode, normalizeCheckInCode } from '../src/features/staff-booking/attendance'
import { checkCapacity, checkTimeRanges, parseTimeRanges } from '../src/features/staff-booking/time-ranges'
import type { KeyValueStore } from '../src/lib/key-value-store'

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: (key) => structuredClone(data.get(key)),
    set(key, value) {
      data.set(key, structuredClone(value))
      return true
    },
    remove: (key) => void data.delete(key)
  }
}

describe('dates in Beijing time, whatever the phone’s time zone', () => {
  it('turns instants into Beijing dates and times of day', () => {
    // 23:30 UTC is 07:30 the next morning in Beijing.
    expect(beijingDateOf('2026-11-30T23:30:00.000Z')).toBe('2026-12-01')
    expect(timeRange('2026-12-01T01:00:00.000Z', '2026-12-01T01:30:00.000Z')).toBe('09:00–09:30')
    expect(beijingInstant('2026-12-01', '09:00')).toBe('2026-12-01T01:00:00.000Z')
  })

  it('names weekdays and nearby days the way people say them', () => {
    expect(weekdayName('2026-12-01')).toBe('周二')
    expect(isoWeekday('2026-12-06')).toBe(7)
    expect(isoWeekday('2026-11-30')).toBe(1)
    expect(dayText('2026-11-28', '2026-11-28')).toBe('11月28日（周六，今天）')
    expect(dayText('2026-11-29', '2026-11-28')).toBe('11月29日（周日，明天）')
    expect(dayText('2026-12-01', '2026-11-28')).toBe('12月1日（周二）')
    expect(dayText('2027-01-04', '2026-11-28')).toBe('2027年1月4日（周一）')
    expect(whenText('2026-12-01T01:00:00.000Z', '2026-12-01T01:30:00.000Z', '2026-11-28')).toBe(
      '12月1日（周二） 09:00–09:30'
    )
    expect(momentText('2026-11-28T02:05:00.000Z', '2026-11-28')).toBe('今天 10:05')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })
})

describe('the 14-day calendar', () => {
  const days: SlotDay[] = [
    { date: '2026-11-28', slots: 0, available: 0, remaining: 0 },
    { date: '2026-11-30', slots: 3, available: 0, remaining: 0 },
    { date: '2026-12-01', slots: 3, available: 2, remaining: 7 }
  ]

  it('says for each day whether it has places, and opens on the first day that has', () => {
    const calendar = calendarDays(days, '2026-11-28')
    expect(calendar.map((d) => [d.label, d.weekday, d.state, d.note])).toEqual([
      ['11月28日', '周六 今天', 'none', '不开放'],
      ['11月30日', '周一 后天', 'taken', '无空位'],
      ['12月1日', '周二', 'open', '余 7 个名额']
    ])
    expect(calendar[2]!.spoken).toBe('12月1日（周二），余 7 个名额')
    expect(firstOpenDay(calendar)).toBe('2026-12-01')
    expect(firstOpenDay(calendarDays(days.slice(0, 2), '2026-11-28'))).toBeUndefined()
  })

  it('tells bookable, full (候补), started and closed slots apart', () => {
    const now = new Date('2026-12-01T00:00:00.000Z')
    const slot = { status: 'open' as const, remaining: 2, startsAt: '2026-12-01T01:00:00.000Z', bookable: true }
    expect(slotState(slot, now)).toBe('bookable')
    expect(slotState({ ...slot, remaining: 0, bookable: false }, now)).toBe('full')
    expect(slotState({ ...slot, startsAt: '2026-11-30T23:00:00.000Z', bookable: false }, now)).toBe('started')
    expect(slotState({ ...slot, status: 'closed', remaining: 0, bookable: false }, now)).toBe('closed')
  })

  it('groups by Beijing day and by time, in order', () => {
    const items = [
      { id: 'c', startsAt: '2026-12-01T07:00:00.000Z', endsAt: '2026-12-01T07:30:00.000Z' },
      { id: 'a', startsAt: '2026-11-30T23:30:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' },
      { id: 'b', startsAt: '2026-12-01T07:00:00.000Z', endsAt: '2026-12-01T07:30:00.000Z' },
      { id: 'd', startsAt: '2026-11-30T02:00:00.000Z', endsAt: '2026-11-30T02:30:00.000Z' }
    ]
    expect(groupByDay(items).map((g) => [g.date, g.items.map((i) => i.id)])).toEqual([
      ['2026-11-30', ['d']],
      ['2026-12-01', ['a', 'c', 'b']]
    ])
    expect(groupByTime(items).map((g) => g.items.map((i) => i.id))).toEqual([['d'], ['a'], ['c', 'b']])
  })
})

describe('booking status in words', () => {
  it('says each state and what it means now', () => {
    expect(bookingStatusText({ status: 'booked', rating: null }).words).toBe('已预约')
    expect(bookingStatusText({ status: 'completed', rating: null }).words).toBe('已办结，待评价')
    const rating = { bookingId: 'b', score: 5, comment: null, createdAt: '2026-11-28T00:00:00.000Z' }
    expect(bookingStatusText({ status: 'completed', rating }).words).toBe('已办结')
    expect(bookingStatusText({ status: 'no_show', rating: null }).meaning).toMatch(/重新预约/)
    expect(RATING_WORDS[5]).toBe('非常满意')
    expect(RATING_WORDS[1]).toBe('非常不满意')
  })

  it('knows when a booking can still be changed online, and when it can be rated', () => {
    const booking = { status: 'booked' as const, cancellableUntil: '2026-12-01T23:00:00.000Z' }
    expect(changeWindow(booking, new Date('2026-12-01T22:59:00.000Z'))).toBe('open')
    expect(changeWindow(booking, new Date('2026-12-01T23:00:00.000Z'))).toBe('closed')
    expect(changeWindow({ ...booking, status: 'cancelled' }, new Date('2026-11-01T00:00:00.000Z'))).toBe(
      'not-applicable'
    )
    expect(canRate({ status: 'completed', rating: null })).toBe(true)
    expect(canRate({ status: 'booked', rating: null })).toBe(false)
  })

  it('says where a waitlist entry stands', () => {
    expect(waitlistStatusText({ status: 'waiting', position: 1 })).toMatch(/第 1 位，有人取消就轮到您/)
    expect(waitlistStatusText({ status: 'waiting', position: 3 })).toBe('候补中，排在第 3 位')
    expect(waitlistStatusText({ status: 'promoted', position: 0 })).toMatch(/已转为预约/)
  })
})

describe('refusals say why and what next', () => {
  it('offers 候补 and other slots when full, the existing booking when already booked, the phone inside the cut-off', () => {
    const full = refusalOf(new ApiError('SLOT_FULL', 409, '该时段已约满，请选择其他时段或登记候补'))
    expect(full.steps).toEqual(['waitlist', 'other-slot'])
    expect(full.message).toMatch(/^该时段已约满.*。可以登记候补/)
    const twice = refusalOf(new ApiError('ALREADY_BOOKED', 409, '您已预约过该服务', { bookingId: 'b1' }))
    expect(twice).toMatchObject({ steps: ['existing-booking'], bookingId: 'b1' })
    const late = refusalOf(new ApiError('CANCEL_WINDOW_CLOSED', 409, '距开始时间太近', { centerPhone: '0399-2612300' }))
    expect(late).toMatchObject({ steps: ['phone'], phone: '0399-2612300' })
    expect(refusalOf(new ApiError('NOT_ELIGIBLE', 403, '请先认证')).steps).toEqual(['bind-identity'])
    expect(refusalOf(new ApiError('SLOT_NOT_BOOKABLE', 422, '已关闭')).steps).toEqual(['other-slot'])
  })

  it('after a lost answer, invites a second try (which cannot book twice)', () => {
    const lost = refusalOf(new ApiError('NETWORK_OFFLINE', 0, '网络连接不上'))
    expect(lost.steps).toEqual(['retry'])
    expect(lost.message).toMatch(/不会重复/)
  })
})

describe('idempotency keys of booking attempts', () => {
  it('gives every try of the same booking the same key, kept across reloads, and a new one for another booking', () => {
    const store = memoryStore()
    let n = 0
    const newKey = () => `key-${++n}`
    const same = attemptSignature({ userId: 'u', slotId: 's1', note: ' 轮椅 ' })
    expect(attemptSignature({ userId: 'u', slotId: 's1', note: '轮椅' })).toBe(same)
    expect(keyForAttempt(store, same, newKey)).toBe('key-1')
    expect(keyForAttempt(store, same, newKey)).toBe('key-1')
    expect(keyForAttempt(store, attemptSignature({ userId: 'u', slotId: 's2' }), newKey)).toBe('key-2')
    expect(keyForAttempt(store, attemptSignature({ userId: 'u', slotId: 's1', veteranId: 'v' }), newKey)).toBe('key-3')
  })

  it('forgets a key once the booking is confirmed, and keys older than a day', () => {
    const store = memoryStore()
    const signature = attemptSignature({ userId: 'u', slotId: 's1' })
    expect(keyForAttempt(store, signature, () => 'first', 0)).toBe('first')
    forgetAttempt(store, signature)
    expect(keyForAttempt(store, signature, () => 'second', 1_000)).toBe('second')
    expect(keyForAttempt(store, signature, () => 'third', 1_000 + 25 * 3_600_000)).toBe('third')
  })
})

describe('the copy kept for use offline', () => {
  it('keeps the last good answer per account, with when it was saved', () => {
    const store = memoryStore()
    expect(saveCached(store, 'k', 'user-1', { items: [1, 2] }, new Date('2026-11-28T02:00:00.000Z'))).toBe(true)
    expect(loadCached(store, 'k', 'user-1')).toEqual({ data: { items: [1, 2] }, savedAt: '2026-11-28T02:00:00.000Z' })
    expect(loadCached(store, 'k', 'user-2')).toBeNull()
  })

  it('does not keep an answer that is too large (and drops the older copy)', () => {
    const store = memoryStore()
    saveCached(store, 'k', 'u', 'small')
    expect(saveCached(store, 'k', 'u', 'x'.repeat(MAX_CACHED_CHARS))).toBe(false)
    expect(loadCached(store, 'k', 'u')).toBeNull()
  })
})

const baseMe: Me = { id: 'u1', role: 'resident', displayName: '小王', elderMode: false, familyOf: [] }

describe('whom a booking is for', () => {
  it('a veteran books for themself; a family member for the linked veteran; both when both', () => {
    const veteran: Me = {
      ...baseMe,
      role: 'veteran',
      veteran: { id: 'v1', name: '王建国', idNumberMasked: '', districtCode: '419902', category: 'soldier' }
    }
    const family: Me = {
      ...baseMe,
      role: 'family',
      familyOf: [{ linkId: 'l1', veteranId: 'v1', veteranNameMasked: '王*国', relation: 'child' }]
    }
    expect(bookingPeople(veteran).map((p) => p.label)).toEqual(['我本人（王建国）'])
    expect(bookingPeople(family).map((p) => p.label)).toEqual(['王*国（您是他的子女）'])
    expect(veteranIdFor(chosenPerson(bookingPeople(veteran), undefined))).toBeUndefined()
    expect(veteranIdFor(chosenPerson(bookingPeople(family), undefined))).toBe('v1')
    expect(bookingAccess(family)).toBe('ok')
    expect(bookingAccess(baseMe)).toBe('unbound')
    expect(bookingAccess({ ...baseMe, role: 'staff' })).toBe('staff')
  })
})

describe('centers nearest first, or by district', () => {
  const center = (id: string, districtCode: string, level: Center['level'], lat?: number): Center => ({
    id,
    name: id,
    level,
    districtCode,
    address: '',
    phone: '',
    openingHours: '',
    serviceIds: [],
    ...(lat !== undefined ? { location: { lat, lng: 113.6 } } : {})
  })
  const centers = [
    center('b-street', 'B', 'street', 34.8),
    center('a-district', 'A', 'district', 34.7),
    center('b-district', 'B', 'district', 34.75),
    center('none', 'A', 'community')
  ]
  const districts = [
    { code: 'A', name: '甲区' },
    { code: 'B', name: '乙区' }
  ]

  it('orders by distance when the location is known (centers without a position last)', () => {
    const groups = orderCenters(centers, districts, { location: { lat: 34.76, lng: 113.6 } })
    expect(groups.map((g) => g.title)).toEqual(['离您由近到远'])
    expect(groups[0]!.centers.map((c) => c.center.id)).toEqual(['b-district', 'b-street', 'a-district', 'none'])
  })

  it('otherwise by district, the person’s own first, bigger centers first', () => {
    const groups = orderCenters(centers, districts, { homeDistrict: 'B' })
    expect(groups.map((g) => [g.title, g.centers.map((c) => c.center.id)])).toEqual([
      ['乙区', ['b-district', 'b-street']],
      ['甲区', ['a-district', 'none']]
    ])
  })

  it('measures distances in metres and says them plainly', () => {
    expect(Math.round(distanceMetres({ lat: 34.7, lng: 113.6 }, { lat: 34.71, lng: 113.6 }))).toBe(1112)
    expect(distanceText(849)).toBe('850 米')
    expect(distanceText(3_240)).toBe('3.2 公里')
  })
})

describe('staff forms', () => {
  it('reads time ranges as staff type them', () => {
    expect(parseTimeRanges('9:00-9:30, 10:00 - 10:30；14:00至14:30 9:00-9:30')).toEqual({
      times: ['09:00-09:30', '10:00-10:30', '14:00-14:30'],
      invalid: []
    })
    expect(checkTimeRanges('09:30-09:00').error).toMatch(/看不懂“09:30-09:00”/)
    expect(checkTimeRanges('   ').error).toMatch(/至少写一个/)
    expect(checkTimeRanges('25:00-26:00').error).toBeDefined()
  })

  it('checks capacities', () => {
    expect(checkCapacity(' 5 ')).toEqual({ capacity: 5 })
    expect(checkCapacity('0').error).toBeDefined()
    expect(checkCapacity('201').error).toBeDefined()
    expect(checkCapacity('五').error).toBeDefined()
  })

  it('finds the day’s booking by its check-in code, and says why one cannot be checked in', () => {
    const booking = (id: string, checkInCode: string, status: Booking['status']) =>
      ({ id, checkInCode, status, veteranNameMasked: '王*国' }) as Booking
    const day = [booking('a', '5DAJ47', 'booked'), booking('b', 'D3K8V2', 'checked_in')]
    expect(normalizeCheckInCode(' 5daj 47 ')).toBe('5DAJ47')
    expect(findByCheckInCode(day, '5DAJ47').booking?.id).toBe('a')
    expect(findByCheckInCode(day, 'D3K8V2').problem).toMatch(/已经签到过了/)
    expect(findByCheckInCode(day, 'ZZZZZZ').problem).toMatch(/没有这个签到码/)
  })

  it('opens check-in 1 hour before the start and no-show only after the end', () => {
    const slot = { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:30:00.000Z' }
    const early = attendanceWindow(slot, new Date('2026-11-30T23:59:00.000Z'))
    expect(early).toMatchObject({ canCheckIn: false, canComplete: false, canMarkNoShow: false })
    expect(early.checkInHint).toBe('开始前 1 小时（08:00）起可以签到')
    expect(attendanceWindow(slot, new Date('2026-12-01T00:00:00.000Z'))).toMatchObject({
      canCheckIn: true,
      canMarkNoShow: false
    })
    const after = attendanceWindow(slot, new Date('2026-12-01T01:30:00.000Z'))
    expect(after).toMatchObject({ canCheckIn: false, canMarkNoShow: true })
    expect(after.noShowHint).toBe('时段结束（09:30）以后才能标记未到')
  })
})

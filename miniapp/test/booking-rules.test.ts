import type { Booking, WaitlistEntry } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/api/errors'
import {
  cannotComeAdvice,
  cutoffMark,
  cutoffMinutesOf,
  cutoffText,
  cutoffWarning,
  insideCutoff
} from '../src/features/booking/cutoff'
import { overlappingBooking, overlapWarningText } from '../src/features/booking/overlap'
import { refusalOf } from '../src/features/booking/refusals'
import { bookingStatusText, waitlistStatusText } from '../src/features/booking/status'
import { waitlistEndedByBooking, waitlistEndingText } from '../src/features/booking/waitlist-ending'
import { rememberCenter, rememberedCenter, STAFF_CENTER_STORAGE_KEY } from '../src/features/staff-booking/center-memory'
import { checkCapacity, checkTimeRanges, normalizeTypedTimes } from '../src/features/staff-booking/time-ranges'
import type { KeyValueStore } from '../src/lib/key-value-store'

const center = { centerName: '东湖区退役军人服务中心', centerPhone: '0399-2612300' }

describe('the cancellation cut-off', () => {
  it('is read off a booking: startsAt − cancellableUntil', () => {
    expect(
      cutoffMinutesOf({ startsAt: '2026-12-01T02:00:00.000Z', cancellableUntil: '2026-12-01T00:00:00.000Z' })
    ).toBe(120)
    expect(
      cutoffMinutesOf({ startsAt: '2026-12-01T02:00:00.000Z', cancellableUntil: '2026-12-01T00:30:00.000Z' })
    ).toBe(90)
    expect(cutoffText(120)).toBe('2 小时')
    expect(cutoffText(90)).toBe('90 分钟')
    expect(cutoffText(1440)).toBe('1 天')
  })

  it('marks a slot that starts sooner than the cut-off (78 minutes away with 2 hours), not one further off', () => {
    const now = new Date('2026-11-28T13:32:00.000Z')
    expect(insideCutoff({ startsAt: '2026-11-28T14:50:00.000Z' }, 120, now)).toBe(true)
    expect(insideCutoff({ startsAt: '2026-11-28T15:32:00.000Z' }, 120, now)).toBe(false) // exactly 2 hours: still changeable
    expect(insideCutoff({ startsAt: '2026-11-28T15:31:00.000Z' }, 120, now)).toBe(true)
    expect(insideCutoff({ startsAt: '2026-11-28T13:40:00.000Z' }, 0, now)).toBe(false)
    expect(cutoffMark(120)).toBe('离开始不到 2 小时：约了以后不能在线取消或改约')
  })

  it('warns in words that match the real cut-off, with the center’s phone', () => {
    expect(cutoffWarning(120, center, true)).toBe(
      '这个时段离开始已不到 2 小时。开始前 2 小时内不能在线取消或改约，改到这个时段以后如有变化，请致电东湖区退役军人服务中心 0399-2612300。'
    )
    expect(cutoffWarning(90, center, false)).toMatch(/开始前 90 分钟内不能在线取消或改约，预约以后如有变化/)
  })

  it('does not tell someone to cancel online when they no longer can', () => {
    expect(cannotComeAdvice(true, 120, center)).toBe(
      '如果不能前往，请致电东湖区退役军人服务中心 0399-2612300，把名额让给别人。'
    )
    expect(cannotComeAdvice(false, 120, center)).toMatch(/^如果不能前往，请在开始前 2 小时以前到“我的预约”里取消/)
    expect(cannotComeAdvice(true, 120, center)).not.toMatch(/我的预约/)
  })
})

describe('a cancelled booking says who cancelled it', () => {
  const cancelled = { status: 'cancelled' as const, rating: null, cancelReason: null, ...center }

  it('the person: the place went to someone else', () => {
    expect(bookingStatusText({ ...cancelled, cancelledBy: 'person' })).toEqual({
      words: '已取消',
      meaning: '这次预约已取消，名额已让给其他人。'
    })
  })

  it('the center: says so, with the reason and the phone, and never that the place was given away', () => {
    const text = bookingStatusText({ ...cancelled, cancelledBy: 'staff', cancelReason: '工作人员外出培训。' })
    expect(text.words).toBe('服务中心已取消')
    expect(text.meaning).toBe(
      '东湖区退役军人服务中心取消了这次预约，原因：工作人员外出培训。您不用前往。如有疑问，请致电东湖区退役军人服务中心 0399-2612300。可以另约其他时间。'
    )
    expect(bookingStatusText({ ...cancelled, cancelledBy: 'staff' }).meaning).toMatch(
      /^东湖区退役军人服务中心取消了这次预约。您不用前往/
    )
  })
})

describe('the waitlist (候补) and new bookings', () => {
  const entry = (over: Partial<WaitlistEntry>): WaitlistEntry => ({
    id: 'w1',
    slotId: 's1',
    veteranId: 'v1',
    veteranNameMasked: '王*国',
    position: 1,
    status: 'waiting',
    bookingId: null,
    endedReason: null,
    centerId: 'c1',
    centerName: '东湖区退役军人服务中心',
    serviceId: 'legal',
    serviceName: '法律援助咨询',
    startsAt: '2026-12-01T01:00:00.000Z',
    endsAt: '2026-12-01T01:30:00.000Z',
    createdAt: '2026-11-28T00:00:00.000Z',
    ...over
  })

  it('finds the 候补 a booking of the same service for the same veteran would end', () => {
    const entries = [
      entry({ id: 'same' }),
      entry({ id: 'other-service', serviceId: 'jobs' }),
      entry({ id: 'other-veteran', veteranId: 'v2' }),
      entry({ id: 'over', status: 'promoted', position: 0 })
    ]
    expect(waitlistEndedByBooking(entries, { serviceId: 'legal', veteranId: 'v1' }).map((e) => e.id)).toEqual(['same'])
    expect(waitlistEndedByBooking(entries, { serviceId: 'legal', veteranId: undefined })).toEqual([])
  })

  it('says plainly before booking that the waiting will end', () => {
    expect(waitlistEndingText([entry({})], '2026-11-28', '您')).toBe(
      '您正在候补 12月1日（周二） 09:00–09:30（东湖区退役军人服务中心）的“法律援助咨询”。预约这个时段后，这个候补会自动结束，不再排队：同一项服务只保留一个预约。'
    )
    expect(waitlistEndingText([], '2026-11-28', '您')).toBe('')
  })

  it('says afterwards why a 候补 ended, for every reason', () => {
    const ended = (endedReason: WaitlistEntry['endedReason']) =>
      waitlistStatusText({ status: 'cancelled', position: 0, endedReason })
    expect(ended('booked')).toMatch(/^候补已结束：已预约了这项服务的其他时间/)
    expect(ended('left')).toBe('已不再候补')
    expect(ended('slot_closed')).toBe('候补已结束：服务中心暂停了这个时段')
    expect(ended('account_closed')).toBe('候补已结束：账号已注销')
    expect(ended(null)).toBe('候补已取消')
  })
})

describe('one person, one place at a time (TIME_CONFLICT)', () => {
  const booking = (over: Partial<Booking>): Booking => ({
    id: 'b1',
    slotId: 's1',
    centerId: 'c1',
    centerName: '东湖区退役军人服务中心',
    centerAddress: '东湖区建设东路 21 号',
    centerPhone: '0399-2612300',
    serviceId: 'entitlement',
    serviceName: '优抚待遇咨询',
    // 12月7日 09:00–09:30 Beijing
    startsAt: '2026-12-07T01:00:00.000Z',
    endsAt: '2026-12-07T01:30:00.000Z',
    status: 'booked',
    veteranId: 'v1',
    veteranNameMasked: '王*国',
    bookedByUserId: 'u1',
    note: null,
    checkInCode: 'ABC123',
    cancelReason: null,
    cancelledBy: null,
    cancellableUntil: '2026-12-06T23:00:00.000Z',
    rating: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...over
  })
  const slot = (start: string, end: string) => ({
    startsAt: `2026-12-07T${start}:00.000Z`,
    endsAt: `2026-12-07T${end}:00.000Z`
  })

  it('finds the same veteran’s active booking at an overlapping time, any service or center', () => {
    const held = [booking({})]
    const whose = { veteranId: 'v1' }
    expect(overlappingBooking(slot('01:00', '01:30'), held, whose)?.id).toBe('b1')
    expect(overlappingBooking(slot('01:10', '01:30'), held, whose)?.id).toBe('b1') // 09:10–09:30 at another center
    expect(overlappingBooking(slot('00:45', '01:05'), held, whose)?.id).toBe('b1')
    expect(overlappingBooking(slot('00:30', '02:00'), held, whose)?.id).toBe('b1')
    // Touching is not overlapping: 09:30 starts when 09:00–09:30 ends.
    expect(overlappingBooking(slot('01:30', '02:00'), held, whose)).toBeUndefined()
    expect(overlappingBooking(slot('00:30', '01:00'), held, whose)).toBeUndefined()
  })

  it('ignores other veterans, ended or cancelled bookings, and the booking being moved', () => {
    const at = slot('01:00', '01:30')
    expect(overlappingBooking(at, [booking({ veteranId: 'v2' })], { veteranId: 'v1' })).toBeUndefined()
    for (const status of ['cancelled', 'completed', 'no_show'] as const)
      expect(overlappingBooking(at, [booking({ status })], { veteranId: 'v1' })).toBeUndefined()
    expect(overlappingBooking(at, [booking({ status: 'checked_in' })], { veteranId: 'v1' })?.id).toBe('b1')
    expect(overlappingBooking(at, [booking({})], { veteranId: 'v1', movingId: 'b1' })).toBeUndefined()
    expect(overlappingBooking(at, [booking({})], { veteranId: undefined })).toBeUndefined()
  })

  it('warns naming the other booking: when, what and where, and what to do', () => {
    expect(overlapWarningText(booking({}), '2026-12-01', '您')).toBe(
      '您在 12月7日（周一） 09:00–09:30 已有“优抚待遇咨询”的预约（东湖区退役军人服务中心），和这个时段时间冲突，不能同时办理。请先取消或改约那个预约，或换一个时段。'
    )
    expect(overlapWarningText(booking({}), '2026-12-01', '王*国')).toMatch(/^王\*国在 /)
  })

  it('maps the refusal to the server’s message with a link to the other booking, when the person can open it', () => {
    const named = refusalOf(
      new ApiError(
        'TIME_CONFLICT',
        409,
        '该时段与已有的预约时间冲突：12月7日 09:00–09:30 东湖区退役军人服务中心「优抚待遇咨询」。请先取消或改约那个预约，或另选时段',
        {
          bookingId: 'b1',
          serviceName: '优抚待遇咨询'
        }
      )
    )
    expect(named).toMatchObject({ steps: ['existing-booking', 'other-slot'], bookingId: 'b1' })
    expect(named.message).toMatch(/优抚待遇咨询」。请先取消或改约那个预约，或另选时段。$/)
    // A family member cannot open the veteran's own booking: no link to a page that would say "not found".
    const unnamed = refusalOf(
      new ApiError('TIME_CONFLICT', 409, '这位退役军人在该时段已有其他预约，时间冲突', { bookingId: 'b9' })
    )
    expect(unnamed.bookingId).toBeUndefined()
    expect(unnamed.steps).toContain('other-slot')
  })

  it('says why a 候补 was passed over for a booking at the same time', () => {
    expect(waitlistStatusText({ status: 'skipped', position: 0, endedReason: 'time_conflict' })).toMatch(
      /同一时间已有其他预约/
    )
    expect(waitlistStatusText({ status: 'skipped', position: 0, endedReason: null })).toMatch(/已有同类预约/)
  })
})

describe('staff forms', () => {
  it('read times typed on a Chinese keyboard', () => {
    expect(normalizeTypedTimes('０９：００－０９：３０')).toBe('09:00-09:30')
    expect(
      checkTimeRanges('０９：００－０９：３０，１０：００——１０：３０　14:00～14:30 15：00—15：30 16:00〜16:30')
    ).toEqual({
      times: ['09:00-09:30', '10:00-10:30', '14:00-14:30', '15:00-15:30', '16:00-16:30']
    })
    expect(checkTimeRanges('９：００至９：３０').times).toEqual(['09:00-09:30'])
    expect(checkTimeRanges('０９：３０－０９：００').error).toMatch(/看不懂/)
    expect(checkCapacity('１２')).toEqual({ capacity: 12 })
  })

  it('remember the center an admin chose, per account', () => {
    const data = new Map<string, unknown>()
    const store: KeyValueStore = {
      get: (k) => data.get(k),
      set: (k, v) => (data.set(k, v), true),
      remove: (k) => void data.delete(k)
    }
    expect(rememberedCenter(store, 'admin')).toBeUndefined()
    rememberCenter(store, 'admin', 'c-xijiang')
    rememberCenter(store, 'city', 'c-donghu')
    expect(rememberedCenter(store, 'admin')).toBe('c-xijiang')
    expect(rememberedCenter(store, 'city')).toBe('c-donghu')
    data.set(STAFF_CENTER_STORAGE_KEY, 'garbage')
    expect(rememberedCenter(store, 'admin')).toBeUndefined()
  })
})

import type { Booking, Slot, SlotDay } from '@veterans/shared'
import { beijingDateOf } from '@veterans/shared/rules'
import { dayText, relativeDay, shortDate, weekdayName } from './dates'

/** One day of the booking calendar as shown: whether it can be chosen, and how many places are left. */
export interface CalendarDay {
  date: string
  /** 12月1日 (or 今天 / 明天) */
  label: string
  weekday: string
  /** open: places left; taken: slots exist but none can be booked now (full or over); none: no service that day. */
  state: 'open' | 'taken' | 'none'
  remaining: number
  /** Said with the day, e.g. 余 12 个名额 / 无空位，可候补 / 不开放. */
  note: string
  /** The whole day in words, for screen readers: 12月1日（周二），余 12 个名额 */
  spoken: string
}

export function calendarDays(days: readonly SlotDay[], today: string): CalendarDay[] {
  return days.map((day) => {
    const state: CalendarDay['state'] = day.available > 0 ? 'open' : day.slots > 0 ? 'taken' : 'none'
    const note = state === 'open' ? `余 ${day.remaining} 个名额` : state === 'taken' ? '无空位' : '不开放'
    const relative = relativeDay(day.date, today)
    return {
      date: day.date,
      label: shortDate(day.date, today),
      weekday: relative ? `${weekdayName(day.date)} ${relative}` : weekdayName(day.date),
      state,
      remaining: day.remaining,
      note,
      spoken: `${dayText(day.date, today)}，${note}`
    }
  })
}

/** The first day that has places, so the calendar opens on something useful. */
export function firstOpenDay(days: readonly CalendarDay[]): string | undefined {
  return days.find((day) => day.state === 'open')?.date
}

/**
 * What a person can do with a slot now: book it, join its waitlist (候补, only while it is open, full and not yet
 * started), or nothing (closed by the center, or already started).
 */
export type SlotState = 'bookable' | 'full' | 'started' | 'closed'

export function slotState(slot: Pick<Slot, 'status' | 'remaining' | 'startsAt' | 'bookable'>, now: Date): SlotState {
  if (slot.status === 'closed') return 'closed'
  if (Date.parse(slot.startsAt) <= now.getTime()) return 'started'
  if (slot.bookable && slot.remaining > 0) return 'bookable'
  return 'full'
}

/** Items grouped by their Beijing date, days and items in time order. */
export function groupByDay<T extends { startsAt: string }>(items: readonly T[]): { date: string; items: T[] }[] {
  const groups = new Map<string, T[]>()
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const date = beijingDateOf(item.startsAt)
    const group = groups.get(date)
    if (group) group.push(item)
    else groups.set(date, [item])
  }
  return [...groups].map(([date, grouped]) => ({ date, items: grouped }))
}

/** The day board: bookings in groups of the same time, earliest first. */
export function groupByTime<T extends Pick<Booking, 'startsAt' | 'endsAt'>>(
  items: readonly T[]
): { startsAt: string; endsAt: string; items: T[] }[] {
  const groups = new Map<string, { startsAt: string; endsAt: string; items: T[] }>()
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = `${item.startsAt}|${item.endsAt}`
    const group = groups.get(key)
    if (group) group.items.push(item)
    else groups.set(key, { startsAt: item.startsAt, endsAt: item.endsAt, items: [item] })
  }
  return [...groups.values()]
}

/** 12月1日 至 12月14日 */
export function rangeText(from: string, to: string, today: string): string {
  return `${shortDate(from, today)} 至 ${shortDate(to, today)}`
}

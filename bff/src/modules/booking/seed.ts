import type { FastifyInstance } from 'fastify'
import { seededRandom } from '../../db/seed/random'
import { newId } from '../../lib/ids'
import { addDays, addMinutes, shanghaiDate, shanghaiInstant } from '../../lib/time'
import { listCenters, listServices } from '../reference/service'
import { openWeekdays, scheduleDays } from './calendar'
import { bookingMessages } from './messages'
import { findAccountByOpenid, insertDemoData, type NewBookingRow } from './demo-data-repo'
import type { NewSlotRow } from './slots-repo'
import { newCheckInCode } from './service'

const DAYS_AHEAD = 14
// Within every demo center's opening hours (the earliest closing is 11:30 and 17:00, the latest afternoon opening 15:00).
const TIMES = [
  ['09:00', '10:30', '15:00'],
  ['09:30', '10:30', '15:30']
] as const

/**
 * Demo schedule: open slots on the working days of the next 14 days at every demo center (weekdays the center is
 * open, public holidays skipped), capacities 2–6; and bookings of the demo veteran 王建国 in every state —
 * upcoming, booked for him by his daughter, completed (ready to be rated) and cancelled.
 */
export async function seedBookingDemo(app: FastifyInstance) {
  const [{ items: centerList }, { items: serviceList }] = await Promise.all([listCenters(app, {}), listServices(app)])
  const laowang = await findAccountByOpenid(app.db, 'dev-laowang')
  const xiaowang = await findAccountByOpenid(app.db, 'dev-xiaowang')
  const random = seededRandom(20261201)
  const now = new Date()
  const nowIso = now.toISOString()
  const today = shanghaiDate(now)
  const serviceById = new Map(serviceList.map((s) => [s.id, s]))
  const serviceByCode = new Map(serviceList.map((s) => [s.code, s]))

  const slotRow = (centerId: string, serviceId: string, date: string, time: string, capacity: number): NewSlotRow => {
    const startsAt = shanghaiInstant(date, time)
    return {
      id: newId(),
      centerId,
      serviceId,
      startsAt: startsAt.toISOString(),
      endsAt: addMinutes(startsAt, serviceById.get(serviceId)!.durationMinutes).toISOString(),
      capacity,
      booked: 0,
      status: 'open',
      createdBy: null,
      createdAt: nowIso,
      updatedAt: nowIso
    }
  }

  const slots: NewSlotRow[] = []
  for (const center of centerList) {
    const weekdays = openWeekdays(center.openingHours).filter((d) => d <= 5)
    const dates = scheduleDays(addDays(today, 1), addDays(today, DAYS_AHEAD), weekdays).dates
    center.serviceIds.forEach((serviceId, i) => {
      for (const date of dates)
        for (const time of TIMES[i % 2]!) slots.push(slotRow(center.id, serviceId, date, time, random.int(2, 6)))
    })
  }

  const bookings: NewBookingRow[] = []
  const notifications: Parameters<typeof insertDemoData>[1]['notifications'] = []
  const home = laowang?.veteranId
    ? centerList.find((c) => c.level === 'district' && c.districtCode === '419902')
    : undefined
  if (laowang?.veteranId && home) {
    const veteranId = laowang.veteranId
    const book = (slot: NewSlotRow, userId: string, extra: Partial<NewBookingRow> = {}) => {
      const row: NewBookingRow = {
        id: newId(),
        slotId: slot.id,
        centerId: slot.centerId,
        serviceId: slot.serviceId,
        veteranId,
        bookedByUserId: userId,
        status: 'booked',
        active: true,
        note: null,
        checkInCode: newCheckInCode(),
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        createdAt: nowIso,
        updatedAt: nowIso,
        ...extra
      }
      if (row.status !== 'cancelled') slot.booked = (slot.booked ?? 0) + 1
      bookings.push(row)
      return row
    }
    // His demo bookings take afternoon slots: the mornings stay free for him to try booking (a person's bookings
    // must not overlap, TIME_CONFLICT).
    const upcoming = (code: string, atCenter: string, fromDay: number) =>
      slots.find(
        (s) =>
          s.centerId === atCenter &&
          s.serviceId === serviceByCode.get(code)?.id &&
          s.startsAt >= shanghaiInstant(addDays(today, fromDay), '12:00').toISOString()
      )
    const context = (slot: NewSlotRow, bookingId: string, centerName: string, centerPhone: string) => ({
      bookingId,
      slotId: slot.id,
      serviceName: serviceById.get(slot.serviceId)!.name,
      centerName,
      centerPhone,
      startsAt: slot.startsAt
    })

    const entitlement = upcoming('entitlement', home.id, 2)
    if (entitlement) book(entitlement, laowang.id, { note: '咨询伤残抚恤金调整' })

    const medical = upcoming('medical', home.id, 3)
    if (medical && xiaowang) {
      const row = book(medical, xiaowang.id, { note: '陪同父亲前往' })
      notifications.push(
        ...bookingMessages.bookedForYou(
          [laowang.id],
          context(medical, row.id, home.name, home.phone),
          xiaowang.displayName
        )
      )
    }

    const city = centerList.find((c) => c.level === 'city')
    const legal = city ? upcoming('legal_aid', city.id, 3) : undefined
    if (legal) {
      const cancelledAt = addMinutes(now, -24 * 60).toISOString()
      book(legal, laowang.id, {
        status: 'cancelled',
        active: false,
        cancelReason: '时间冲突，改日再约',
        cancelledBy: laowang.id,
        cancelledAt,
        createdAt: cancelledAt,
        updatedAt: cancelledAt
      })
    }

    // A visit nine days ago, done and waiting for his rating (its slot lies before the demo schedule).
    const pastSlot = slotRow(home.id, serviceByCode.get('preferential_card')!.id, addDays(today, -9), '09:30', 4)
    slots.push(pastSlot)
    const doneAt = pastSlot.endsAt
    const completed = book(pastSlot, laowang.id, {
      status: 'completed',
      active: false,
      checkedInAt: pastSlot.startsAt,
      completedAt: doneAt,
      createdAt: addMinutes(pastSlot.startsAt, -3 * 24 * 60).toISOString(),
      updatedAt: doneAt
    })
    notifications.push(
      ...bookingMessages.completed([laowang.id], context(pastSlot, completed.id, home.name, home.phone))
    )
  }

  await insertDemoData(app.db, { slots, bookings, notifications, now: nowIso })
  app.log.info({ slots: slots.length, bookings: bookings.length }, 'booking demo data seeded')
}

import type { Booking } from '@veterans/shared'
import { momentText } from './dates'

// What the service list says about services already booked: the server allows one active booking of a service
// per veteran (409 ALREADY_BOOKED), so the list shows it and opens that booking instead of a dead end later.

/** Booked or checked in and not yet ended: what blocks booking the service again. */
export function isHeld(booking: Pick<Booking, 'status' | 'endsAt'>, now: Date): boolean {
  return (booking.status === 'booked' || booking.status === 'checked_in') && Date.parse(booking.endsAt) > now.getTime()
}

/** The veteran's held bookings by service (the soonest one if there were ever more). */
export function heldByService(bookings: readonly Booking[], veteranId: string, now: Date): Map<string, Booking> {
  const held = new Map<string, Booking>()
  for (const booking of bookings) {
    if (booking.veteranId !== veteranId || !isHeld(booking, now)) continue
    const known = held.get(booking.serviceId)
    if (!known || booking.startsAt < known.startsAt) held.set(booking.serviceId, booking)
  }
  return held
}

/** 已预约 12月7日 09:00 (今天 09:00 on the day). */
export function heldText(booking: Pick<Booking, 'startsAt'>, today: string): string {
  return `已预约 ${momentText(booking.startsAt, today)}`
}

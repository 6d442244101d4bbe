import { eq, sql } from 'drizzle-orm'
import type { Conn } from '../../db/client'
import { bookingRatings, bookings, centers, services, users, veterans } from '../../db/schema/index'

// A booking as every booking query reads it: where, what, for whom, its rating and who cancelled it.

const bookingView = {
  id: bookings.id,
  slotId: bookings.slotId,
  centerId: bookings.centerId,
  centerName: centers.name,
  centerAddress: centers.address,
  centerPhone: centers.phone,
  serviceId: bookings.serviceId,
  serviceName: services.name,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  status: bookings.status,
  veteranId: bookings.veteranId,
  veteranName: veterans.name,
  bookedByUserId: bookings.bookedByUserId,
  note: bookings.note,
  checkInCode: bookings.checkInCode,
  cancelReason: bookings.cancelReason,
  /** The role of whoever cancelled (null while not cancelled). */
  cancelledByRole: sql<string | null>`(SELECT ${users.role} FROM ${users} WHERE ${users.id} = ${bookings.cancelledBy})`,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
  ratingScore: bookingRatings.score,
  ratingComment: bookingRatings.comment,
  ratedAt: bookingRatings.createdAt
}

export function selectBookingViews(conn: Conn) {
  return conn
    .select(bookingView)
    .from(bookings)
    .innerJoin(centers, eq(centers.id, bookings.centerId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(veterans, eq(veterans.id, bookings.veteranId))
    .leftJoin(bookingRatings, eq(bookingRatings.bookingId, bookings.id))
}

export type BookingViewRow = ReturnType<ReturnType<typeof selectBookingViews>['all']>[number]

import { and, asc, desc, eq, gt, gte, inArray, lt, lte, notInArray, or } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { bookings, users } from '../../db/schema/index'
import { selectBookingViews } from './booking-projection'
import { statementsOf } from './statements'

// Reading bookings: one, a person's, a center's day board, a person's data export.

/** Statuses that hold a place. */
const HOLDING = ['booked', 'checked_in'] as const

type BookingStatus = (typeof bookings.$inferSelect)['status']

export async function findBookingView(db: Db, bookingId: string) {
  return (await statementsOf(db).bookingView({ bookingId })) ?? null
}

export interface MyBookingsFilter {
  userId: string
  veteranIds: string[]
  status?: string
  when?: 'upcoming' | 'past'
  now: string
  /** `startsAt|id` of the last row of the previous page. */
  after: { startsAt: string; id: string } | null
  limit: number
}

/** Bookings made by the person or for the veteran they are; upcoming soonest first, others latest first. */
export async function listMyBookings(db: Db, f: MyBookingsFilter) {
  const mine = f.veteranIds.length
    ? or(eq(bookings.bookedByUserId, f.userId), inArray(bookings.veteranId, f.veteranIds))!
    : eq(bookings.bookedByUserId, f.userId)
  const upcoming = and(inArray(bookings.status, [...HOLDING]), gt(bookings.endsAt, f.now))!
  const past = or(notInArray(bookings.status, [...HOLDING]), lte(bookings.endsAt, f.now))!
  const ascending = f.when === 'upcoming'
  const cursor = f.after
    ? ascending
      ? or(
          gt(bookings.startsAt, f.after.startsAt),
          and(eq(bookings.startsAt, f.after.startsAt), gt(bookings.id, f.after.id))
        )
      : or(
          lt(bookings.startsAt, f.after.startsAt),
          and(eq(bookings.startsAt, f.after.startsAt), lt(bookings.id, f.after.id))
        )
    : undefined
  const conditions = [
    mine,
    f.status ? eq(bookings.status, f.status as BookingStatus) : undefined,
    f.when === 'upcoming' ? upcoming : f.when === 'past' ? past : undefined,
    cursor
  ].filter((c) => c !== undefined)
  return await selectBookingViews(db)
    .where(and(...conditions))
    .orderBy(...(ascending ? [asc(bookings.startsAt), asc(bookings.id)] : [desc(bookings.startsAt), desc(bookings.id)]))
    .limit(f.limit + 1)
}

/** A center's bookings in a time window (the day board), by time. */
export async function listCenterBookings(
  db: Db,
  f: { centerId: string; fromIso: string; toIso: string; status?: string }
) {
  return await selectBookingViews(db)
    .where(
      and(
        eq(bookings.centerId, f.centerId),
        gte(bookings.startsAt, f.fromIso),
        lt(bookings.startsAt, f.toIso),
        f.status ? eq(bookings.status, f.status as BookingStatus) : undefined
      )
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.createdAt))
}

/** Every booking a person made or that was made for their veteran record (data export), oldest first. */
export async function listBookingsForExport(db: Db, userId: string) {
  const [user] = await db.select({ veteranId: users.veteranId }).from(users).where(eq(users.id, userId)).limit(1)
  const mine = user?.veteranId
    ? or(eq(bookings.bookedByUserId, userId), eq(bookings.veteranId, user.veteranId))
    : eq(bookings.bookedByUserId, userId)
  return await selectBookingViews(db).where(mine).orderBy(asc(bookings.createdAt))
}

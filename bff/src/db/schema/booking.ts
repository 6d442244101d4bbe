import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { BOOKING_STATUSES, SLOT_STATUSES, WAITLIST_STATUSES } from '@veterans/shared'
import { users } from './accounts'
import { centers, services } from './reference'
import { veterans } from './registry'

/**
 * Bookable time slots of a service at a center. `booked` counts the places taken (bookings not cancelled) and
 * only ever changes inside the transaction that books, cancels or moves a booking, with a conditional UPDATE;
 * the CHECK makes overbooking impossible even for a faulty statement.
 */
export const slots = sqliteTable(
  'slots',
  {
    id: text('id').primaryKey(),
    centerId: text('center_id')
      .notNull()
      .references(() => centers.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    status: text('status', { enum: SLOT_STATUSES }).notNull().default('open'),
    closedReason: text('closed_reason'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    // One slot per service and start time at a center: batch creation skips existing ones through it.
    uniqueIndex('slots_center_service_start_unique').on(t.centerId, t.serviceId, t.startsAt),
    index('slots_center_start_idx').on(t.centerId, t.startsAt),
    index('slots_service_start_idx').on(t.serviceId, t.startsAt),
    check('slots_booked_within_capacity', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`)
  ]
)

/**
 * A veteran's place in a slot. `active` marks a booking that counts for the one-active-booking-per-service rule
 * (booked or checked in, not yet ended); the partial unique index enforces the rule, and the booking transaction
 * clears the marker of bookings whose slot has ended before it inserts.
 */
export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    slotId: text('slot_id')
      .notNull()
      .references(() => slots.id),
    centerId: text('center_id')
      .notNull()
      .references(() => centers.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    veteranId: text('veteran_id')
      .notNull()
      .references(() => veterans.id),
    bookedByUserId: text('booked_by_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    note: text('note'),
    checkInCode: text('check_in_code').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by'),
    cancelledAt: text('cancelled_at'),
    checkedInAt: text('checked_in_at'),
    completedAt: text('completed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('bookings_one_active_per_service')
      .on(t.veteranId, t.serviceId)
      .where(sql`${t.active} = 1`),
    index('bookings_slot_idx').on(t.slotId, t.status),
    index('bookings_veteran_idx').on(t.veteranId, t.startsAt),
    index('bookings_booker_idx').on(t.bookedByUserId, t.startsAt),
    index('bookings_center_start_idx').on(t.centerId, t.startsAt),
    // The dashboard counts a period's bookings by day, service and status from the index alone (GET /staff/stats).
    index('bookings_stats_center_idx').on(t.centerId, t.startsAt, t.serviceId, t.status),
    index('bookings_stats_start_idx').on(t.startsAt, t.serviceId, t.status)
  ]
)

/** 好差评: one rating per completed booking (the primary key makes it once). */
export const bookingRatings = sqliteTable(
  'booking_ratings',
  {
    bookingId: text('booking_id')
      .notNull()
      .references(() => bookings.id),
    score: integer('score').notNull(),
    comment: text('comment'),
    ratedBy: text('rated_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    primaryKey({ columns: [t.bookingId] }),
    check('booking_ratings_score_range', sql`${t.score} BETWEEN 1 AND 5`),
    // The dashboard looks only at ratings given since its period began (a visit is rated after it).
    index('booking_ratings_created_idx').on(t.createdAt)
  ]
)

/**
 * 候补: people waiting for a place in a full slot, in `seq` order. When a place frees, the earliest waiting entry
 * becomes a booking in the same transaction; the status moves once from `waiting`, so each entry is promoted once.
 */
export const waitlistEntries = sqliteTable(
  'waitlist_entries',
  {
    id: text('id').primaryKey(),
    slotId: text('slot_id')
      .notNull()
      .references(() => slots.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    veteranId: text('veteran_id')
      .notNull()
      .references(() => veterans.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    seq: integer('seq').notNull(),
    status: text('status', { enum: WAITLIST_STATUSES }).notNull(),
    bookingId: text('booking_id'),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('waitlist_slot_seq_unique').on(t.slotId, t.seq),
    uniqueIndex('waitlist_one_waiting_per_veteran')
      .on(t.slotId, t.veteranId)
      .where(sql`${t.status} = 'waiting'`),
    index('waitlist_user_idx').on(t.userId, t.status),
    index('waitlist_veteran_idx').on(t.veteranId, t.status)
  ]
)

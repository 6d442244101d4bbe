import { sql } from 'drizzle-orm'
import { check, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The dashboard's daily roll-up of bookings (GET /staff/stats): per Beijing date of the slot, center and service,
 * how many bookings count (not cancelled), how many were completed or missed, and how many were rated 1–5 stars.
 * A year's figures then read a few thousand rows (one per date and service) instead of every booking. Nothing in the
 * application writes it: SQLite triggers on bookings and booking_ratings (migration 0012_stats_rollups) keep it
 * equal to a direct count in the same statement as each change, whoever makes it.
 */
export const bookingDayTotals = sqliteTable(
  'booking_day_totals',
  {
    /** The slot's date in Beijing time (YYYY-MM-DD). */
    day: text('day').notNull(),
    /** The center, or '*' on the rows that add up the whole city (kept alongside, so the city reads a few rows). */
    // No foreign keys: the rows are derived from bookings, whose own keys already hold.
    centerId: text('center_id').notNull(),
    serviceId: text('service_id').notNull(),
    /** Bookings not cancelled (booked, checked in, completed, missed). */
    bookings: integer('bookings').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    noShows: integer('no_shows').notNull().default(0),
    /** Ratings of these bookings by score. */
    rated1: integer('rated_1').notNull().default(0),
    rated2: integer('rated_2').notNull().default(0),
    rated3: integer('rated_3').notNull().default(0),
    rated4: integer('rated_4').notNull().default(0),
    rated5: integer('rated_5').notNull().default(0)
  },
  (t) => [
    // A center's (or the city's) period is one range of the key.
    primaryKey({ columns: [t.centerId, t.day, t.serviceId] }),
    check(
      'booking_day_totals_never_negative',
      sql`${t.bookings} >= 0 AND ${t.completed} >= 0 AND ${t.noShows} >= 0 AND ${t.rated1} >= 0 AND ${t.rated2} >= 0 AND ${t.rated3} >= 0 AND ${t.rated4} >= 0 AND ${t.rated5} >= 0`
    )
  ]
)

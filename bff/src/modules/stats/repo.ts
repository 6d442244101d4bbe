import type { BookingStatus, VeteranCategory } from '@veterans/shared'
import { statement, type Db } from '../../db/client'

// The dashboard's SQL: aggregates over covering indexes (migration 0011), so a year of a city's bookings is
// counted without reading a table row. Every query takes the period as [startsAt, endsAt) UTC instants and an
// optional center (null: the whole city).

export interface BookingGroup {
  /** The UTC date of the start, and whether it falls at 16:00 UTC or later (already the next Beijing day). */
  utcDate: string
  lateInUtcDay: 0 | 1
  serviceId: string
  status: BookingStatus
  count: number
}

// Cutting the date out of the ISO text is much cheaper than SQLite's date functions over half a million rows;
// the caller moves late-UTC starts to the next date, which is their Beijing date.
const BOOKING_GROUPS = (where: string) => `
  SELECT substr(starts_at, 1, 10) AS utcDate, substr(starts_at, 12, 2) >= '16' AS lateInUtcDay,
         service_id AS serviceId, status, count(*) AS count
    FROM bookings ${where}
   GROUP BY utcDate, lateInUtcDay, service_id, status`
const BOOKING_GROUPS_CENTER = BOOKING_GROUPS(
  'INDEXED BY bookings_stats_center_idx WHERE center_id = ? AND starts_at >= ? AND starts_at < ?'
)
const BOOKING_GROUPS_CITY = BOOKING_GROUPS('INDEXED BY bookings_stats_start_idx WHERE starts_at >= ? AND starts_at < ?')

export function bookingGroups(db: Db, startsAt: string, endsAt: string, centerId: string | null): BookingGroup[] {
  return centerId
    ? (statement(db, BOOKING_GROUPS_CENTER).all(centerId, startsAt, endsAt) as BookingGroup[])
    : (statement(db, BOOKING_GROUPS_CITY).all(startsAt, endsAt) as BookingGroup[])
}

// A booking is rated after its visit, so only ratings given since the period began can belong to its bookings:
// the ratings' time index narrows them down, and each is matched to its booking by key.
const RATINGS = (where: string) => `
  SELECT r.score AS score, count(*) AS count
    FROM booking_ratings r INDEXED BY booking_ratings_created_idx CROSS JOIN bookings b ON b.id = r.booking_id
   WHERE r.created_at >= ? AND ${where} b.starts_at >= ? AND b.starts_at < ?
   GROUP BY r.score`
const RATINGS_CENTER = RATINGS('b.center_id = ? AND')
const RATINGS_CITY = RATINGS('')

export function ratingCounts(db: Db, startsAt: string, endsAt: string, centerId: string | null) {
  return (
    centerId
      ? statement(db, RATINGS_CENTER).all(startsAt, centerId, startsAt, endsAt)
      : statement(db, RATINGS_CITY).all(startsAt, startsAt, endsAt)
  ) as { score: number; count: number }[]
}

export function serviceNames(db: Db) {
  return statement(db, 'SELECT id, name, sort_order AS sortOrder FROM services').all() as {
    id: string
    name: string
    sortOrder: number
  }[]
}

export interface ThreadFigures {
  createdAt: string
  firstResponseAt: string | null
  slaBreaches: number
}

const THREADS_CENTER = `SELECT created_at AS createdAt, first_response_at AS firstResponseAt, sla_breaches AS slaBreaches
    FROM threads INDEXED BY threads_stats_center_idx WHERE center_id = ? AND created_at >= ? AND created_at < ?`
const THREADS_CITY = `SELECT created_at AS createdAt, first_response_at AS firstResponseAt, sla_breaches AS slaBreaches
    FROM threads INDEXED BY threads_stats_created_idx WHERE created_at >= ? AND created_at < ?`

/** The threads begun in the period, with when staff first answered and how many waits went past their due time. */
export function threadFigures(db: Db, startsAt: string, endsAt: string, centerId: string | null): ThreadFigures[] {
  return (
    centerId
      ? statement(db, THREADS_CENTER).all(centerId, startsAt, endsAt)
      : statement(db, THREADS_CITY).all(startsAt, endsAt)
  ) as ThreadFigures[]
}

// Notices count for the center whose staff wrote them; one whose fan-out is still running counts as sent.
const NOTICES = (where: string) => `
  SELECT count(*) AS sent,
         coalesce(sum((SELECT count(*) FROM notice_recipients r WHERE r.notice_id = n.id)), 0) AS recipients,
         coalesce(sum((SELECT count(*) FROM notice_recipients r WHERE r.notice_id = n.id AND r.read_at IS NOT NULL)), 0)
           AS read
    FROM notices n JOIN users u ON u.id = n.author_id
   WHERE n.status IN ('sending', 'sent') AND n.sent_at >= ? AND n.sent_at < ? ${where}`
const NOTICES_CENTER = NOTICES('AND u.center_id = ?')
const NOTICES_CITY = NOTICES('')

export function noticeFigures(db: Db, startsAt: string, endsAt: string, centerId: string | null) {
  return (
    centerId
      ? statement(db, NOTICES_CENTER).get(startsAt, endsAt, centerId)
      : statement(db, NOTICES_CITY).get(startsAt, endsAt)
  ) as { sent: number; recipients: number; read: number }
}

// Counted from the index alone, then named: joining the districts row by row costs more than the counting.
const VETERANS = (where: string) => `
  SELECT g.code, d.name, d.sort_order AS sortOrder, g.category, g.count
    FROM (SELECT district_code AS code, category, count(*) AS count FROM veterans INDEXED BY veterans_stats_idx
           WHERE status = 'active' ${where} GROUP BY district_code, category) g
    JOIN districts d ON d.code = g.code`
const VETERANS_DISTRICT = VETERANS('AND district_code = ?')
const VETERANS_CITY = VETERANS('')

/** Veterans on the register (status 在册) by district and category, in one district or the whole city. */
export function veteranGroups(db: Db, districtCode: string | null) {
  return (districtCode ? statement(db, VETERANS_DISTRICT).all(districtCode) : statement(db, VETERANS_CITY).all()) as {
    code: string
    name: string
    sortOrder: number
    category: VeteranCategory
    count: number
  }[]
}

export function centerOf(db: Db, centerId: string) {
  return statement(db, 'SELECT id, name, level, district_code AS districtCode FROM centers WHERE id = ?').get(
    centerId
  ) as { id: string; name: string; level: 'city' | 'district'; districtCode: string } | undefined
}

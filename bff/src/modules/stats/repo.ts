import type { VeteranCategory } from '@veterans/shared'
import type { Db } from '../../db/client'
import { query } from '../../db/query'

// The dashboard's SQL: bookings from their daily roll-up (migration 0012), the rest aggregated over covering
// indexes (migration 0011) without reading a table row. Every query takes the period (its Beijing dates, or
// [startsAt, endsAt) UTC instants where the rows hold instants) and an optional center (null: the whole city).

/** One Beijing date's bookings of one service (at one center, or summed over the city). */
export interface BookingDay {
  day: string
  serviceId: string
  /** Not cancelled: a cancelled booking is no visit and counts in no figure. */
  bookings: number
  completed: number
  noShows: number
  /** How many of these bookings were rated 1, 2, 3, 4 and 5 stars. */
  rated: [number, number, number, number, number]
}

// The daily roll-up kept by triggers (migration 0012): a year is a few thousand rows of the center's or the city's
// ('*') key range, where counting the bookings themselves read every one of the period's.
const BOOKING_DAYS = `
  SELECT day, service_id AS serviceId, bookings, completed, no_shows AS noShows, rated_1 AS r1, rated_2 AS r2,
         rated_3 AS r3, rated_4 AS r4, rated_5 AS r5
    FROM booking_day_totals WHERE center_id = ? AND day >= ? AND day <= ?`
const CITY = '*'

type BookingDayRow = Omit<BookingDay, 'rated'> & Record<'r1' | 'r2' | 'r3' | 'r4' | 'r5', number>

/** The period's bookings by Beijing date and service, from its first to its last date (both included). */
export async function bookingDays(db: Db, from: string, to: string, centerId: string | null): Promise<BookingDay[]> {
  const rows = await query<BookingDayRow>(db, BOOKING_DAYS).all(centerId ?? CITY, from, to)
  return rows.map(({ r1, r2, r3, r4, r5, ...row }) => ({ ...row, rated: [r1, r2, r3, r4, r5] }))
}

export async function serviceNames(db: Db) {
  return query<{ id: string; name: string; sortOrder: number }>(
    db,
    'SELECT id, name, sort_order AS sortOrder FROM services'
  ).all()
}

export interface ThreadFigures {
  createdAt: string
  firstResponseAt: string | null
  /** Written with the first answer from migration 0012 on; NULL on threads answered before. */
  firstResponseMinutes: number | null
  slaBreaches: number
}

const THREADS = (where: string) => `SELECT created_at AS createdAt, first_response_at AS firstResponseAt,
    first_response_minutes AS firstResponseMinutes, sla_breaches AS slaBreaches FROM threads ${where}`
const THREADS_CENTER = THREADS(
  'INDEXED BY threads_response_center_idx WHERE center_id = ? AND created_at >= ? AND created_at < ?'
)
const THREADS_CITY = THREADS('INDEXED BY threads_response_created_idx WHERE created_at >= ? AND created_at < ?')

/**
 * The threads begun in the period one by one, with when staff first answered and how many waits went past their
 * due time: needed only while some of them were answered before their wait was measured on the row.
 */
export async function threadFigures(
  db: Db,
  startsAt: string,
  endsAt: string,
  centerId: string | null
): Promise<ThreadFigures[]> {
  return centerId
    ? query<ThreadFigures>(db, THREADS_CENTER).all(centerId, startsAt, endsAt)
    : query<ThreadFigures>(db, THREADS_CITY).all(startsAt, endsAt)
}

export interface ThreadSummary {
  threads: number
  slaBreaches: number
  /** Threads answered with their wait in working minutes written (migration 0012 on). */
  measured: number
  /** Threads answered before that column existed: their waits must be worked out from the instants. */
  unmeasured: number
}

const THREAD_SUMMARY = (where: string) => `
  SELECT count(*) AS threads, coalesce(sum(sla_breaches), 0) AS slaBreaches,
         count(first_response_minutes) AS measured,
         coalesce(sum(CASE WHEN first_response_at IS NOT NULL AND first_response_minutes IS NULL THEN 1 ELSE 0 END), 0)
           AS unmeasured
    FROM threads ${where}`
const THREAD_SUMMARY_CENTER = THREAD_SUMMARY(
  'INDEXED BY threads_response_center_idx WHERE center_id = ? AND created_at >= ? AND created_at < ?'
)
const THREAD_SUMMARY_CITY = THREAD_SUMMARY(
  'INDEXED BY threads_response_created_idx WHERE created_at >= ? AND created_at < ?'
)

/** How many threads began in the period, their SLA breaches, and how many first waits are measured. */
export async function threadSummary(
  db: Db,
  startsAt: string,
  endsAt: string,
  centerId: string | null
): Promise<ThreadSummary> {
  // An aggregate without GROUP BY answers exactly one row.
  const row = await (centerId
    ? query<ThreadSummary>(db, THREAD_SUMMARY_CENTER).get(centerId, startsAt, endsAt)
    : query<ThreadSummary>(db, THREAD_SUMMARY_CITY).get(startsAt, endsAt))
  return row!
}

const RANKED_WAIT = (where: string) => `
  SELECT first_response_minutes AS minutes FROM threads ${where} AND first_response_minutes IS NOT NULL
   ORDER BY first_response_minutes LIMIT 1 OFFSET ?`
const RANKED_WAIT_CENTER = RANKED_WAIT(
  'INDEXED BY threads_response_center_idx WHERE center_id = ? AND created_at >= ? AND created_at < ?'
)
const RANKED_WAIT_CITY = RANKED_WAIT('INDEXED BY threads_response_created_idx WHERE created_at >= ? AND created_at < ?')

/** The measured first wait (working minutes) at a rank (0: the shortest) among the period's threads. */
export async function rankedFirstWait(
  db: Db,
  startsAt: string,
  endsAt: string,
  centerId: string | null,
  rank: number
): Promise<number> {
  const minutes = await (centerId
    ? query(db, RANKED_WAIT_CENTER).value<number>(centerId, startsAt, endsAt, rank)
    : query(db, RANKED_WAIT_CITY).value<number>(startsAt, endsAt, rank))
  return minutes!
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

type NoticeFigures = { sent: number; recipients: number; read: number }

export async function noticeFigures(db: Db, startsAt: string, endsAt: string, centerId: string | null) {
  // An aggregate without GROUP BY answers exactly one row.
  const row = await (centerId
    ? query<NoticeFigures>(db, NOTICES_CENTER).get(startsAt, endsAt, centerId)
    : query<NoticeFigures>(db, NOTICES_CITY).get(startsAt, endsAt))
  return row!
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
type VeteranGroup = { code: string; name: string; sortOrder: number; category: VeteranCategory; count: number }

export async function veteranGroups(db: Db, districtCode: string | null) {
  return districtCode
    ? query<VeteranGroup>(db, VETERANS_DISTRICT).all(districtCode)
    : query<VeteranGroup>(db, VETERANS_CITY).all()
}

type CenterRow = { id: string; name: string; level: 'city' | 'district'; districtCode: string }

export async function centerOf(db: Db, centerId: string) {
  return query<CenterRow>(db, 'SELECT id, name, level, district_code AS districtCode FROM centers WHERE id = ?').get(
    centerId
  )
}

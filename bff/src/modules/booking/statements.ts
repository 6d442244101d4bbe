import { eq, sql } from 'drizzle-orm'
import { perConnection, type Db } from '../../db/client'
import { query } from '../../db/query'
import { bookings } from '../../db/schema/index'
import { selectBookingViews } from './booking-projection'
import {
  SLOT_COLUMNS,
  SLOT_DETAIL_COLUMNS,
  SLOT_DETAIL_FROM,
  SLOT_ORDER,
  type SlotRow,
  type StoredSlotDetailRow
} from './slot-projection'

// The statements of the hot paths (listing slots, booking, cancelling), as plain SQL prepared once per connection
// (see db/query.ts): building and preparing a query on each request cost several times more than running it.
// They run on the connection of the transaction they are called in, and each answers a promise.

type Params = Record<string, string | number | null>

/** An active booking at a time that overlaps another: what the person is told about it. */
export interface OverlappingRow {
  id: string
  bookedByUserId: string
  startsAt: string
  endsAt: string
  centerName: string
  serviceName: string
}

/** A slot query by center and/or service over [fromIso, toIso), in one of its three shapes. */
export interface SlotQueries<R> {
  ofCenterService(params: { centerId: string; serviceId: string; fromIso: string; toIso: string }): Promise<R[]>
  ofCenter(params: { centerId: string; fromIso: string; toIso: string }): Promise<R[]>
  ofService(params: { serviceId: string; fromIso: string; toIso: string }): Promise<R[]>
}

const SLOT_DETAIL = `SELECT ${SLOT_DETAIL_COLUMNS} FROM ${SLOT_DETAIL_FROM} WHERE s.id = @slotId`
const VETERAN_ACCOUNT = "SELECT id FROM users WHERE veteran_id = @veteranId AND status = 'active'"
const ACTIVE_USER = "SELECT id FROM users WHERE id = @userId AND status = 'active'"

const bookingById = (db: Db) =>
  db
    .select()
    .from(bookings)
    .where(eq(bookings.id, sql.placeholder('bookingId')))
    .prepare()

function prepareStatements(db: Db) {
  const one = <R>(text: string) => {
    const statement = query<R>(db, text)
    return (params: Params) => statement.get(params)
  }
  const many = <R>(text: string) => {
    const statement = query<R>(db, text)
    return (params: Params) => statement.all(params)
  }
  const write = (text: string) => {
    const statement = query(db, text)
    return (params: Params) => statement.run(params)
  }
  /** A drizzle prepared select, answering its first row. */
  const firstOf =
    <R>(prepared: { execute(params: Params): PromiseLike<R[]> }) =>
    async (params: Params) =>
      (await prepared.execute(params))[0]
  const slotQueries = <R>(columns: string, from: string): SlotQueries<R> => {
    const inRange = 's.starts_at >= @fromIso AND s.starts_at < @toIso'
    return {
      ofCenterService: many<R>(
        `SELECT ${columns} FROM ${from} WHERE s.center_id = @centerId AND s.service_id = @serviceId AND ${inRange} ${SLOT_ORDER}`
      ),
      ofCenter: many<R>(`SELECT ${columns} FROM ${from} WHERE s.center_id = @centerId AND ${inRange} ${SLOT_ORDER}`),
      ofService: many<R>(`SELECT ${columns} FROM ${from} WHERE s.service_id = @serviceId AND ${inRange} ${SLOT_ORDER}`)
    }
  }
  return {
    slots: slotQueries<SlotRow>(SLOT_COLUMNS, 'slots s'),
    slotDetails: slotQueries<StoredSlotDetailRow>(SLOT_DETAIL_COLUMNS, SLOT_DETAIL_FROM),
    slotDetail: one<StoredSlotDetailRow>(SLOT_DETAIL),
    bookingView: firstOf(
      selectBookingViews(db)
        .where(eq(bookings.id, sql.placeholder('bookingId')))
        .prepare()
    ),
    bookingRow: firstOf(bookingById(db)),
    isLinked: one<{ id: string }>(
      'SELECT id FROM family_links WHERE user_id = @userId AND veteran_id = @veteranId AND removed_at IS NULL'
    ),
    ownAccount: one<{ id: string }>(
      "SELECT id FROM users WHERE id = @userId AND veteran_id = @veteranId AND status = 'active'"
    ),
    veteranAccount: one<{ id: string }>(VETERAN_ACCOUNT),
    activeUser: one<{ id: string }>(ACTIVE_USER),
    veteranName: one<{ name: string }>('SELECT name FROM veterans WHERE id = @veteranId'),
    activeBooking: one<{ id: string; endsAt: string }>(
      'SELECT id, ends_at AS endsAt FROM bookings WHERE veteran_id = @veteranId AND service_id = @serviceId AND active = 1'
    ),
    endActive: write('UPDATE bookings SET active = 0 WHERE id = @id'),
    // The veteran's earliest active booking overlapping [startsAt, endsAt), any service or center, other than
    // @exceptId (the one being moved). Ended bookings still marked active cannot overlap a slot ahead. Reads
    // bookings_veteran_idx (veteran_id, starts_at).
    overlappingBooking: one<OverlappingRow>(
      `SELECT b.id, b.booked_by_user_id AS bookedByUserId, b.starts_at AS startsAt, b.ends_at AS endsAt,
         c.name AS centerName, v.name AS serviceName
       FROM bookings b JOIN centers c ON c.id = b.center_id JOIN services v ON v.id = b.service_id
       WHERE b.veteran_id = @veteranId AND b.starts_at < @endsAt AND b.ends_at > @startsAt AND b.active = 1
         AND b.status IN ('booked', 'checked_in') AND b.id <> @exceptId
       ORDER BY b.starts_at LIMIT 1`
    ),
    // The one statement that guards capacity: open, not started, not full (rules/slot-times.ts says the same).
    takePlace: write(
      "UPDATE slots SET booked = booked + 1, updated_at = @now WHERE id = @slotId AND booked < capacity AND status = 'open' AND starts_at > @now"
    ),
    freePlace: write('UPDATE slots SET booked = booked - 1, updated_at = @now WHERE id = @slotId AND booked > 0'),
    endWaitingFor: write(
      "UPDATE waitlist_entries SET status = 'cancelled', reason = 'booked', updated_at = @now WHERE veteran_id = @veteranId AND service_id = @serviceId AND status = 'waiting'"
    ),
    // active is a parameter: a literal 1 is an integer to PostgreSQL, where the column is boolean.
    insertBooking: write(
      `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active, note, check_in_code, starts_at, ends_at, created_at, updated_at)
       VALUES (@id, @slotId, @centerId, @serviceId, @veteranId, @bookedByUserId, 'booked', @active, @note, @checkInCode, @startsAt, @endsAt, @now, @now)`
    )
  }
}

export type Statements = ReturnType<typeof prepareStatements>
/** The booking statements of a connection, prepared on first use. */
export const statementsOf = perConnection(prepareStatements)

/** The slots of a filter, by center and service, center or service. */
export function slotsMatching<R>(
  queries: SlotQueries<R>,
  f: { centerId?: string; serviceId?: string; fromIso: string; toIso: string }
): Promise<R[]> {
  const range = { fromIso: f.fromIso, toIso: f.toIso }
  if (f.centerId && f.serviceId)
    return queries.ofCenterService({ ...range, centerId: f.centerId, serviceId: f.serviceId })
  if (f.centerId) return queries.ofCenter({ ...range, centerId: f.centerId })
  return queries.ofService({ ...range, serviceId: f.serviceId ?? '' })
}

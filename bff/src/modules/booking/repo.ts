import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { ErrorCode } from '@veterans/shared'
import { changeStamp, clientOf, perConnection, type Conn, type Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { bookingRatings, bookings, centers, familyLinks, services, slots, users, veterans, waitlistEntries } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'
import { idempotencyKeyUsedIn, recordIdempotentResponseIn, type IdempotentRequest } from '../platform/idempotency-repo'
import { insertNotifications, type NotificationInput } from '../notifications/service'
import { bookingMessages, type BookingContext } from './messages'

// Every statement of the booking capability. Rules that guard capacity, the one-active-booking rule and the
// waitlist run inside a BEGIN IMMEDIATE transaction (inTx(): a savepoint of a group commit, all-or-nothing on its
// own), with conditional UPDATEs and partial unique indexes; the transaction functions return a refusal code
// instead of throwing when nothing was written.

export type Refusal = { ok: false; code: ErrorCode; details?: Record<string, unknown>; message?: string }
export type Outcome<T> = { ok: true; value: T } | Refusal
const refuse = (code: ErrorCode, details?: Record<string, unknown>, message?: string): Refusal => ({ ok: false, code, details, message })
const done = <T>(value: T): Outcome<T> => ({ ok: true, value })

/** A write that must affect exactly one row did not: roll the whole transaction back. */
function expectOne(changes: number, what: string) {
  if (changes !== 1) throw new Error(`booking invariant broken: ${what} changed ${changes} rows`)
}

const HOLDING = ['booked', 'checked_in'] as const

// ---------------------------------------------------------------------------------------------------------
// Slots

const waitingCount = sql<number>`(SELECT count(*) FROM ${waitlistEntries} WHERE ${waitlistEntries.slotId} = ${slots.id} AND ${waitlistEntries.status} = 'waiting')`

export interface SlotFilter {
  centerId?: string
  serviceId?: string
  /** Slots starting at or after this instant … */
  fromIso: string
  /** … and before this one. */
  toIso: string
}

function slotConditions(f: SlotFilter): SQL[] {
  return [
    f.centerId ? eq(slots.centerId, f.centerId) : undefined,
    f.serviceId ? eq(slots.serviceId, f.serviceId) : undefined,
    gte(slots.startsAt, f.fromIso),
    lt(slots.startsAt, f.toIso)
  ].filter((c) => c !== undefined)
}

/**
 * Slot lists are the most read thing in the platform (every person choosing a time reads one) and change only
 * with a write, so the rows are kept per query while the database's change stamp holds.
 */
const slotListCache = perConnection(() => new Map<string, { stamp: string; rows: SlotRow[] }>())
const SLOT_LIST_CACHE_KEYS = 1000

export async function listSlots(db: Db, filter: SlotFilter): Promise<SlotRow[]> {
  const key = `${filter.centerId ?? ''}|${filter.serviceId ?? ''}|${filter.fromIso}|${filter.toIso}`
  const stamp = changeStamp(db)
  const cache = slotListCache(db)
  const cached = cache.get(key)
  if (cached?.stamp === stamp) return cached.rows
  const q = hot(db)
  const range = { fromIso: filter.fromIso, toIso: filter.toIso }
  const rows = filter.centerId && filter.serviceId
    ? q.slotsOfCenterService({ ...range, centerId: filter.centerId, serviceId: filter.serviceId })
    : filter.centerId
      ? q.slotsOfCenter({ ...range, centerId: filter.centerId })
      : q.slotsOfService({ ...range, serviceId: filter.serviceId ?? '' })
  if (cache.size >= SLOT_LIST_CACHE_KEYS) cache.clear()
  cache.set(key, { stamp, rows })
  return rows
}

const slotWithPlace = {
  id: slots.id,
  centerId: slots.centerId,
  serviceId: slots.serviceId,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
  capacity: slots.capacity,
  booked: slots.booked,
  status: slots.status,
  closedReason: slots.closedReason,
  waiting: waitingCount,
  centerName: centers.name,
  centerAddress: centers.address,
  centerPhone: centers.phone,
  serviceName: services.name,
  requiredDocuments: services.requiredDocuments
}

function selectSlotsWithPlace(conn: Conn) {
  return conn
    .select(slotWithPlace)
    .from(slots)
    .innerJoin(centers, eq(centers.id, slots.centerId))
    .innerJoin(services, eq(services.id, slots.serviceId))
}

export async function listStaffSlots(db: Db, filter: SlotFilter) {
  return selectSlotsWithPlace(db)
    .where(and(...slotConditions(filter)))
    .orderBy(asc(slots.startsAt), asc(slots.serviceId), asc(slots.centerId))
    .all()
}

/** A slot with the names of its center and service. */
export async function findSlotDetail(db: Db, slotId: string) {
  return slotDetailIn({ q: hot(db) }, slotId) ?? null
}

const contextOf = (slot: SlotDetailRow, bookingId: string): BookingContext => ({
  bookingId,
  slotId: slot.id,
  serviceName: slot.serviceName,
  centerName: slot.centerName,
  centerPhone: slot.centerPhone,
  startsAt: slot.startsAt
})

export type NewSlotRow = typeof slots.$inferInsert

/** Inserts one slot and its audit entry; null when the center already has this service at that time. */
export async function insertSlot(db: Db, row: NewSlotRow, audit: AuditEntryInput) {
  return inTx(db, (t) => {
    const inserted = t.tx.insert(slots).values(row).onConflictDoNothing().run().changes
    if (inserted === 0) return null
    insertAudit(t.tx, { ...audit, entityId: row.id }, row.createdAt)
    return slotDetailIn(t, row.id)!
  })
}

/** Inserts slots, skipping those that exist; answers how many were created. */
export async function insertSlots(db: Db, rows: NewSlotRow[], audit: AuditEntryInput) {
  return inTx(db, (t) => {
    let created = 0
    for (let i = 0; i < rows.length; i += 500) {
      created += t.tx.insert(slots).values(rows.slice(i, i + 500)).onConflictDoNothing().run().changes
    }
    insertAudit(t.tx, { ...audit, detail: { ...audit.detail, created } }, t.now)
    return created
  })
}

// ---------------------------------------------------------------------------------------------------------
// Bookings: reads

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

function selectBookingViews(conn: Conn) {
  return conn
    .select(bookingView)
    .from(bookings)
    .innerJoin(centers, eq(centers.id, bookings.centerId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(veterans, eq(veterans.id, bookings.veteranId))
    .leftJoin(bookingRatings, eq(bookingRatings.bookingId, bookings.id))
}

export async function findBookingView(db: Db, bookingId: string) {
  return hot(db).bookingView.get({ bookingId }) ?? null
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

/** Bookings made by the person or for a veteran they are (or are linked to); upcoming soonest first, others latest first. */
export async function listMyBookings(db: Db, f: MyBookingsFilter) {
  const mine = f.veteranIds.length
    ? or(eq(bookings.bookedByUserId, f.userId), inArray(bookings.veteranId, f.veteranIds))!
    : eq(bookings.bookedByUserId, f.userId)
  const upcoming = and(inArray(bookings.status, [...HOLDING]), gt(bookings.endsAt, f.now))!
  const past = or(notInArray(bookings.status, [...HOLDING]), lte(bookings.endsAt, f.now))!
  const ascending = f.when === 'upcoming'
  const cursor = f.after
    ? ascending
      ? or(gt(bookings.startsAt, f.after.startsAt), and(eq(bookings.startsAt, f.after.startsAt), gt(bookings.id, f.after.id)))
      : or(lt(bookings.startsAt, f.after.startsAt), and(eq(bookings.startsAt, f.after.startsAt), lt(bookings.id, f.after.id)))
    : undefined
  const conditions = [
    mine,
    f.status ? eq(bookings.status, f.status as (typeof bookings.$inferSelect)['status']) : undefined,
    f.when === 'upcoming' ? upcoming : f.when === 'past' ? past : undefined,
    cursor
  ].filter((c) => c !== undefined)
  return selectBookingViews(db)
    .where(and(...conditions))
    .orderBy(...(ascending ? [asc(bookings.startsAt), asc(bookings.id)] : [desc(bookings.startsAt), desc(bookings.id)]))
    .limit(f.limit + 1)
    .all()
}

/** A center's bookings in a time window (the day board), by time. */
export async function listCenterBookings(db: Db, f: { centerId: string; fromIso: string; toIso: string; status?: string }) {
  return selectBookingViews(db)
    .where(
      and(
        eq(bookings.centerId, f.centerId),
        gte(bookings.startsAt, f.fromIso),
        lt(bookings.startsAt, f.toIso),
        f.status ? eq(bookings.status, f.status as (typeof bookings.$inferSelect)['status']) : undefined
      )
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.createdAt))
    .all()
}

/** Every booking a person made or that was made for their veteran record (data export), oldest first. */
export async function listBookingsForExport(db: Db, userId: string) {
  const user = db.select({ veteranId: users.veteranId }).from(users).where(eq(users.id, userId)).get()
  const mine = user?.veteranId
    ? or(eq(bookings.bookedByUserId, userId), eq(bookings.veteranId, user.veteranId))
    : eq(bookings.bookedByUserId, userId)
  return selectBookingViews(db).where(mine).orderBy(asc(bookings.createdAt)).all()
}

// ---------------------------------------------------------------------------------------------------------
// Inside a transaction. The statements of the hot paths (listing slots, booking, cancelling) are plain SQL
// prepared once per database with better-sqlite3: building and preparing a query on each request cost several
// times more than running it. They run on the connection of the transaction they are called in.


export interface SlotRow {
  id: string
  centerId: string
  serviceId: string
  startsAt: string
  endsAt: string
  capacity: number
  booked: number
  status: 'open' | 'closed'
  waiting: number
}
export interface SlotDetailRow extends SlotRow {
  closedReason: string | null
  centerName: string
  centerAddress: string
  centerPhone: string
  serviceName: string
  requiredDocuments: string[]
}

// People wait only for full slots (a freed place goes to the queue at once), so only those are counted.
const SLOT_COLUMNS = `s.id, s.center_id AS centerId, s.service_id AS serviceId, s.starts_at AS startsAt, s.ends_at AS endsAt,
  s.capacity, s.booked, s.status,
  CASE WHEN s.booked < s.capacity THEN 0
       ELSE (SELECT count(*) FROM waitlist_entries w WHERE w.slot_id = s.id AND w.status = 'waiting') END AS waiting`
const SLOT_ORDER = 'ORDER BY s.starts_at, s.service_id, s.center_id'

type Params = Record<string, string | number | null>
function prepareHot(db: Db) {
  const c = clientOf(db)
  const one = <R>(text: string) => {
    const statement = c.prepare(text)
    return (params: Params) => statement.get(params) as R | undefined
  }
  const many = <R>(text: string) => {
    const statement = c.prepare(text)
    return (params: Params) => statement.all(params) as R[]
  }
  const write = (text: string) => {
    const statement = c.prepare(text)
    return (params: Params) => statement.run(params).changes
  }
  const inRange = 's.starts_at >= @fromIso AND s.starts_at < @toIso'
  return {
    slotsOfCenterService: many<SlotRow>(`SELECT ${SLOT_COLUMNS} FROM slots s WHERE s.center_id = @centerId AND s.service_id = @serviceId AND ${inRange} ${SLOT_ORDER}`),
    slotsOfCenter: many<SlotRow>(`SELECT ${SLOT_COLUMNS} FROM slots s WHERE s.center_id = @centerId AND ${inRange} ${SLOT_ORDER}`),
    slotsOfService: many<SlotRow>(`SELECT ${SLOT_COLUMNS} FROM slots s WHERE s.service_id = @serviceId AND ${inRange} ${SLOT_ORDER}`),
    slotDetail: one<Omit<SlotDetailRow, 'requiredDocuments'> & { requiredDocuments: string }>(
      `SELECT ${SLOT_COLUMNS}, s.closed_reason AS closedReason, c.name AS centerName, c.address AS centerAddress,
         c.phone AS centerPhone, v.name AS serviceName, v.required_documents AS requiredDocuments
       FROM slots s JOIN centers c ON c.id = s.center_id JOIN services v ON v.id = s.service_id WHERE s.id = @slotId`
    ),
    bookingView: selectBookingViews(db).where(eq(bookings.id, sql.placeholder('bookingId'))).prepare(),
    bookingRow: db.select().from(bookings).where(eq(bookings.id, sql.placeholder('bookingId'))).prepare(),
    isLinked: one<{ id: string }>('SELECT id FROM family_links WHERE user_id = @userId AND veteran_id = @veteranId AND removed_at IS NULL'),
    ownAccount: one<{ id: string }>("SELECT id FROM users WHERE id = @userId AND veteran_id = @veteranId AND status = 'active'"),
    veteranAccount: one<{ id: string }>("SELECT id FROM users WHERE veteran_id = @veteranId AND status = 'active'"),
    veteranName: one<{ name: string }>('SELECT name FROM veterans WHERE id = @veteranId'),
    activeBooking: one<{ id: string; endsAt: string }>('SELECT id, ends_at AS endsAt FROM bookings WHERE veteran_id = @veteranId AND service_id = @serviceId AND active = 1'),
    endActive: write('UPDATE bookings SET active = 0 WHERE id = @id'),
    takePlace: write("UPDATE slots SET booked = booked + 1, updated_at = @now WHERE id = @slotId AND booked < capacity AND status = 'open' AND starts_at > @now"),
    freePlace: write('UPDATE slots SET booked = booked - 1, updated_at = @now WHERE id = @slotId AND booked > 0'),
    endWaitingFor: write(
      "UPDATE waitlist_entries SET status = 'cancelled', reason = 'booked', updated_at = @now WHERE veteran_id = @veteranId AND service_id = @serviceId AND status = 'waiting'"
    ),
    insertBooking: write(
      `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active, note, check_in_code, starts_at, ends_at, created_at, updated_at)
       VALUES (@id, @slotId, @centerId, @serviceId, @veteranId, @bookedByUserId, 'booked', 1, @note, @checkInCode, @startsAt, @endsAt, @now, @now)`
    )
  }
}
type Hot = ReturnType<typeof prepareHot>
const hot = perConnection(prepareHot)

/** A transaction's handles: drizzle for the occasional statement, the prepared ones for the frequent. */
interface Tx {
  tx: Conn
  q: Hot
  /** When the transaction runs: every rule about time (started, cut-off, ended) is decided against this. */
  now: string
}
/**
 * One BEGIN IMMEDIATE transaction (a savepoint of a group commit, see db/group-commit.ts) with the prepared
 * statements at hand; resolves once committed.
 */
function inTx<T>(db: Db, fn: (t: Tx) => T): Promise<T> {
  const q = hot(db)
  return groupCommit(db, (tx) => fn({ tx, q, now: new Date().toISOString() }))
}

function slotDetailIn(t: Pick<Tx, 'q'>, slotId: string): SlotDetailRow | undefined {
  const row = t.q.slotDetail({ slotId })
  return row && { ...row, requiredDocuments: JSON.parse(row.requiredDocuments) as string[] }
}

function bookingViewIn(t: Tx, bookingId: string) {
  return t.q.bookingView.get({ bookingId })
}
export type BookingViewRow = NonNullable<ReturnType<typeof bookingViewIn>>

function bookingRowIn(t: Tx, bookingId: string) {
  return t.q.bookingRow.get({ bookingId })
}

function isLinkedIn(t: Tx, userId: string, veteranId: string) {
  return !!t.q.isLinked({ userId, veteranId })
}

/**
 * Checked inside the transaction, not only when the request signed in: an account closed (or a family link
 * removed) while the request was on its way books nothing.
 */
function actingRefusal(t: Tx, input: { userId: string; veteranId: string; viaLink: boolean }): Refusal | null {
  if (input.viaLink) return isLinkedIn(t, input.userId, input.veteranId) ? null : refuse('NOT_ELIGIBLE')
  return t.q.ownAccount({ userId: input.userId, veteranId: input.veteranId }) ? null : refuse('UNAUTHENTICATED')
}

/** May this account act for the veteran: it is the veteran's own account, or linked to the veteran as family. */
function mayActFor(t: Tx, userId: string, veteranId: string) {
  return !!t.q.ownAccount({ userId, veteranId }) || isLinkedIn(t, userId, veteranId)
}

function veteranAccountIn(t: Tx, veteranId: string) {
  return t.q.veteranAccount({ veteranId })?.id ?? null
}

function activeUserIds(t: Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (wanted.length === 0) return []
  return t.tx.select({ id: users.id }).from(users).where(and(inArray(users.id, wanted), eq(users.status, 'active'))).all().map((r) => r.id)
}

/** Who hears about a booking: the veteran's own account and whoever booked it, each once, minus `except`. */
function peopleOf(t: Tx, booking: { veteranId: string; bookedByUserId: string }, except: string | null = null) {
  return activeUserIds(t, [veteranAccountIn(t, booking.veteranId), booking.bookedByUserId]).filter((id) => id !== except)
}

/**
 * The veteran's active booking of the service, if any. A booking whose slot has ended no longer counts: its
 * marker is cleared here, which lets the veteran book the service again.
 */
function activeBookingIn(t: Tx, veteranId: string, serviceId: string, now: string) {
  const active = t.q.activeBooking({ veteranId, serviceId })
  if (active && active.endsAt <= now) {
    t.q.endActive({ id: active.id })
    return undefined
  }
  return active
}

/** Takes a place if the slot is open, not started and not full: the one statement that guards capacity. */
function takePlace(t: Tx, slotId: string, now: string) {
  return t.q.takePlace({ slotId, now }) === 1
}

function freePlace(t: Tx, slotId: string, now: string) {
  expectOne(t.q.freePlace({ slotId, now }), 'free a place')
}

/** Booking a service ends the veteran's other waiting for it: they have their place. */
function endWaitingFor(t: Tx, veteranId: string, serviceId: string, now: string) {
  t.q.endWaitingFor({ veteranId, serviceId, now })
}

interface NewBooking {
  slot: SlotDetailRow
  veteranId: string
  bookedByUserId: string
  note: string | null
  checkInCode: string
  now: string
}

/** Inserts a booking whose place was just taken. The partial unique index refuses a second active one. */
function insertBookingIn(t: Tx, b: NewBooking) {
  const id = newId()
  t.q.insertBooking({
    id,
    slotId: b.slot.id,
    centerId: b.slot.centerId,
    serviceId: b.slot.serviceId,
    veteranId: b.veteranId,
    bookedByUserId: b.bookedByUserId,
    note: b.note,
    checkInCode: b.checkInCode,
    startsAt: b.slot.startsAt,
    endsAt: b.slot.endsAt,
    now: b.now
  })
  endWaitingFor(t, b.veteranId, b.slot.serviceId, b.now)
  return id
}

/**
 * Fills free places of a slot from its waitlist, earliest entry first, inside the transaction that freed them.
 * Each entry leaves `waiting` exactly once (conditional UPDATE), so concurrent frees never promote one twice.
 */
function promoteWaiting(t: Tx, slotId: string, now: string, newCode: () => string) {
  for (;;) {
    const slot = slotDetailIn(t, slotId)
    if (!slot || slot.status !== 'open' || slot.startsAt <= now || slot.booked >= slot.capacity) return
    const entry = t.tx
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.slotId, slotId), eq(waitlistEntries.status, 'waiting')))
      .orderBy(asc(waitlistEntries.seq))
      .limit(1)
      .get()
    if (!entry) return
    if (activeBookingIn(t, entry.veteranId, slot.serviceId, now) || !mayActFor(t, entry.userId, entry.veteranId)) {
      expectOne(
        t.tx.update(waitlistEntries).set({ status: 'skipped', updatedAt: now }).where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, 'waiting'))).run().changes,
        'skip a waitlist entry'
      )
      insertNotifications(t.tx, bookingMessages.waitlistSkipped(activeUserIds(t, [entry.userId]), contextOf(slot, ''), entry.id), now)
      continue
    }
    expectOne(takePlace(t, slotId, now) ? 1 : 0, 'take a place for a waitlist entry')
    // Leave `waiting` before inserting: inserting ends the veteran's waiting for this service.
    expectOne(
      t.tx.update(waitlistEntries).set({ status: 'promoted', updatedAt: now }).where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, 'waiting'))).run().changes,
      'promote a waitlist entry'
    )
    const bookingId = insertBookingIn(t, { slot, veteranId: entry.veteranId, bookedByUserId: entry.userId, note: null, checkInCode: newCode(), now })
    t.tx.update(waitlistEntries).set({ bookingId }).where(eq(waitlistEntries.id, entry.id)).run()
    insertNotifications(t.tx, bookingMessages.promoted(peopleOf(t, { veteranId: entry.veteranId, bookedByUserId: entry.userId }), contextOf(slot, bookingId)), now)
  }
}

// ---------------------------------------------------------------------------------------------------------
// Bookings: writes

export interface BookInput {
  slotId: string
  veteranId: string
  userId: string
  /** The account books for a veteran it is linked to as family (checked inside the transaction). */
  viaLink: boolean
  bookerName: string
  note: string | null
  checkInCode: string
  /** With an Idempotency-Key: claimed in the booking transaction, which records the answer too. */
  idempotency?: { request: IdempotentRequest; respond(outcome: Outcome<BookingViewRow>): { status: number; body: unknown } } | null
}

/**
 * Books a place: the Idempotency-Key, eligibility, slot state, the one-active-booking rule and capacity are all
 * decided inside one immediate transaction, which also records the answer for retries. A refusal writes nothing
 * else but the clearing of ended bookings' markers.
 */
export async function bookSlot(db: Db, input: BookInput): Promise<Outcome<BookingViewRow> | 'replay'> {
  const { idempotency } = input
  try {
    return await inTx(db, (t) => {
      if (idempotency && idempotencyKeyUsedIn(t.tx, idempotency.request.scope)) return 'replay'
      const outcome = decideBooking(t, input)
      if (idempotency) {
        const { status, body } = idempotency.respond(outcome)
        recordIdempotentResponseIn(t.tx, idempotency.request, status, body, t.now)
      }
      return outcome
    })
  } catch (error) {
    // The partial unique index is the last line of defence for the one-active-booking rule.
    if (isUniqueViolation(error)) return refuse('ALREADY_BOOKED')
    throw error
  }
}

/** The slot a booking or a 候补 asks for, if this account may act for the veteran and the slot is open and ahead. */
function openSlotFor(t: Tx, input: { slotId: string; userId: string; veteranId: string; viaLink: boolean }): Outcome<SlotDetailRow> {
  const refused = actingRefusal(t, input)
  if (refused) return refused
  const slot = slotDetailIn(t, input.slotId)
  if (!slot) return refuse('NOT_FOUND')
  if (slot.status !== 'open' || slot.startsAt <= t.now) return refuse('SLOT_NOT_BOOKABLE')
  return done(slot)
}

function decideBooking(t: Tx, input: BookInput): Outcome<BookingViewRow> {
  const { now } = t
  const asked = openSlotFor(t, input)
  if (!asked.ok) return asked
  const slot = asked.value
  const existing = activeBookingIn(t, input.veteranId, slot.serviceId, now)
  if (existing) return refuse('ALREADY_BOOKED', { bookingId: existing.id })
  if (!takePlace(t, slot.id, now)) return refuse('SLOT_FULL', { waiting: slot.waiting })
  const bookingId = insertBookingIn(t, { slot, veteranId: input.veteranId, bookedByUserId: input.userId, note: input.note, checkInCode: input.checkInCode, now })
  if (input.viaLink) {
    const veteranAccount = veteranAccountIn(t, input.veteranId)
    if (veteranAccount && veteranAccount !== input.userId) {
      insertNotifications(t.tx, bookingMessages.bookedForYou([veteranAccount], contextOf(slot, bookingId), input.bookerName), now)
    }
  }
  // The new booking as it would read back, built from what this transaction holds (one query fewer).
  return done({
    id: bookingId,
    slotId: slot.id,
    centerId: slot.centerId,
    centerName: slot.centerName,
    centerAddress: slot.centerAddress,
    centerPhone: slot.centerPhone,
    serviceId: slot.serviceId,
    serviceName: slot.serviceName,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'booked',
    veteranId: input.veteranId,
    veteranName: t.q.veteranName({ veteranId: input.veteranId })!.name,
    bookedByUserId: input.userId,
    note: input.note,
    checkInCode: input.checkInCode,
    cancelReason: null,
    cancelledByRole: null,
    createdAt: now,
    updatedAt: now,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null
  })
}

function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** Who changes a booking, and when: the other people of the booking are told who did it. */
export interface Acting {
  actorId: string
  actorName: string
  /** Online changes are refused from this many minutes before the start on. */
  cutoffMinutes: number
  /** Check-in codes for bookings made from the waitlist in the same transaction. */
  newCode: () => string
}

export interface CancelInput extends Acting {
  bookingId: string
  reason: string | null
}

/** Inside the cut-off the change is refused, with the center's phone number to call instead. */
function cutoffRefusal(slot: SlotDetailRow, startsAt: string, input: Acting, now: string, doing: string): Refusal | null {
  if (Date.parse(now) <= Date.parse(startsAt) - input.cutoffMinutes * 60_000) return null
  return refuse(
    'CANCEL_WINDOW_CLOSED',
    { centerName: slot.centerName, centerPhone: slot.centerPhone, cutoffMinutes: input.cutoffMinutes },
    `距开始已不足 ${formatCutoff(input.cutoffMinutes)}，无法在线${doing}。如需调整，请致电${slot.centerName} ${slot.centerPhone}`
  )
}

/** Cancels a booked place, frees it at once and hands it to the earliest waiting entry, in one transaction. */
export async function cancelBooking(db: Db, input: CancelInput): Promise<Outcome<BookingViewRow>> {
  return inTx(db, (t): Outcome<BookingViewRow> => {
    const { now } = t
    const booking = bookingRowIn(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    if (booking.status === 'cancelled') return done(bookingViewIn(t, booking.id)!)
    const slot = slotDetailIn(t, booking.slotId)!
    if (booking.status !== 'booked') return refuse('INVALID_STATE', { status: booking.status }, '已签到或已结束的预约不能取消')
    const tooLate = cutoffRefusal(slot, booking.startsAt, input, now, '取消')
    if (tooLate) return tooLate
    expectOne(
      t.tx.update(bookings)
        .set({ status: 'cancelled', active: false, cancelReason: input.reason, cancelledBy: input.actorId, cancelledAt: now, updatedAt: now })
        .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'booked')))
        .run().changes,
      'cancel a booking'
    )
    freePlace(t, booking.slotId, now)
    promoteWaiting(t, booking.slotId, now, input.newCode)
    insertNotifications(t.tx, bookingMessages.cancelledByOther(peopleOf(t, booking, input.actorId), contextOf(slot, booking.id), input.actorName), now)
    return done(bookingViewIn(t, booking.id)!)
  })
}

export function formatCutoff(minutes: number) {
  return minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`
}

export interface RescheduleInput extends Acting {
  bookingId: string
  slotId: string
}

/**
 * Moves a booked place to another slot of the same service. Every check runs before the first write, and the
 * writes share one transaction: on any refusal or error the old booking is untouched.
 */
export async function rescheduleBooking(db: Db, input: RescheduleInput): Promise<Outcome<BookingViewRow>> {
  return inTx(db, (t): Outcome<BookingViewRow> => {
    const { now } = t
    const booking = bookingRowIn(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    // A retry after a dropped connection finds the booking already moved.
    if (booking.slotId === input.slotId && booking.status === 'booked') return done(bookingViewIn(t, booking.id)!)
    if (booking.status !== 'booked') return refuse('INVALID_STATE', { status: booking.status }, '只有待签到的预约可以改期')
    const oldSlot = slotDetailIn(t, booking.slotId)!
    const tooLate = cutoffRefusal(oldSlot, booking.startsAt, input, now, '改期')
    if (tooLate) return tooLate
    const slot = slotDetailIn(t, input.slotId)
    if (!slot) return refuse('NOT_FOUND', {}, '要改到的时段不存在，请重新选择')
    if (slot.serviceId !== booking.serviceId) {
      return refuse('VALIDATION_FAILED', { fields: [{ path: 'body.slotId', message: '只能改到同一服务的其他时段' }] })
    }
    if (slot.status !== 'open' || slot.startsAt <= now) return refuse('SLOT_NOT_BOOKABLE')
    if (!takePlace(t, slot.id, now)) return refuse('SLOT_FULL', { waiting: slot.waiting })
    expectOne(
      t.tx.update(bookings)
        .set({ slotId: slot.id, centerId: slot.centerId, startsAt: slot.startsAt, endsAt: slot.endsAt, updatedAt: now })
        .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'booked'), eq(bookings.slotId, booking.slotId)))
        .run().changes,
      'move a booking'
    )
    endWaitingFor(t, booking.veteranId, booking.serviceId, now)
    freePlace(t, booking.slotId, now)
    promoteWaiting(t, booking.slotId, now, input.newCode)
    insertNotifications(t.tx, bookingMessages.rescheduledByOther(peopleOf(t, booking, input.actorId), contextOf(slot, booking.id), input.actorName), now)
    return done(bookingViewIn(t, booking.id)!)
  })
}

/** Rates a completed booking once; the primary key on booking_id settles concurrent attempts. */
export async function rateBooking(db: Db, input: { bookingId: string; userId: string; score: number; comment: string | null }) {
  return inTx(db, (t): Outcome<{ bookingId: string; score: number; comment: string | null; createdAt: string }> => {
    const booking = bookingRowIn(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    if (booking.status !== 'completed') return refuse('NOT_RATEABLE', { status: booking.status }, '服务完成后才能评价')
    const inserted = t.tx
      .insert(bookingRatings)
      .values({ bookingId: booking.id, score: input.score, comment: input.comment, ratedBy: input.userId, createdAt: t.now })
      .onConflictDoNothing()
      .run().changes
    if (inserted === 0) return refuse('NOT_RATEABLE', {}, '这次服务已经评价过了，感谢您的反馈')
    return done({ bookingId: booking.id, score: input.score, comment: input.comment, createdAt: t.now })
  })
}

// ---------------------------------------------------------------------------------------------------------
// Waitlist

export interface JoinWaitlistInput {
  slotId: string
  veteranId: string
  userId: string
  viaLink: boolean
}

/** Joins a full slot's waitlist at the end of the queue (seq = max + 1, decided inside the transaction). */
export async function joinWaitlist(db: Db, input: JoinWaitlistInput): Promise<Outcome<{ id: string }>> {
  return inTx(db, (t): Outcome<{ id: string }> => {
    const { now } = t
    const asked = openSlotFor(t, input)
    if (!asked.ok) return asked
    const slot = asked.value
    if (slot.booked < slot.capacity) return refuse('SLOT_NOT_FULL', { remaining: slot.capacity - slot.booked })
    const active = activeBookingIn(t, input.veteranId, slot.serviceId, now)
    if (active) return refuse('ALREADY_BOOKED', { bookingId: active.id })
    const existing = t.tx
      .select({ id: waitlistEntries.id })
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.slotId, slot.id), eq(waitlistEntries.veteranId, input.veteranId), eq(waitlistEntries.status, 'waiting')))
      .get()
    if (existing) return refuse('WAITLIST_EXISTS', { waitlistId: existing.id })
    const last = t.tx.select({ seq: sql<number>`coalesce(max(${waitlistEntries.seq}), 0)` }).from(waitlistEntries).where(eq(waitlistEntries.slotId, slot.id)).get()
    const id = newId()
    t.tx.insert(waitlistEntries)
      .values({
        id,
        slotId: slot.id,
        serviceId: slot.serviceId,
        veteranId: input.veteranId,
        userId: input.userId,
        seq: (last?.seq ?? 0) + 1,
        status: 'waiting',
        createdAt: now,
        updatedAt: now
      })
      .run()
    return done({ id })
  })
}

const waitlistView = {
  id: waitlistEntries.id,
  slotId: waitlistEntries.slotId,
  veteranId: waitlistEntries.veteranId,
  veteranName: veterans.name,
  userId: waitlistEntries.userId,
  status: waitlistEntries.status,
  bookingId: waitlistEntries.bookingId,
  reason: waitlistEntries.reason,
  createdAt: waitlistEntries.createdAt,
  centerId: slots.centerId,
  centerName: centers.name,
  serviceId: slots.serviceId,
  serviceName: services.name,
  startsAt: slots.startsAt,
  endsAt: slots.endsAt,
  // 1 + the entries of the slot still waiting ahead of this one.
  position: sql<number>`CASE WHEN ${waitlistEntries.status} = 'waiting' THEN (SELECT count(*) FROM ${waitlistEntries} AS ahead WHERE ahead.slot_id = ${waitlistEntries.slotId} AND ahead.status = 'waiting' AND ahead.seq <= ${waitlistEntries.seq}) ELSE 0 END`
}

function selectWaitlistViews(conn: Conn) {
  return conn
    .select(waitlistView)
    .from(waitlistEntries)
    .innerJoin(slots, eq(slots.id, waitlistEntries.slotId))
    .innerJoin(centers, eq(centers.id, slots.centerId))
    .innerJoin(services, eq(services.id, slots.serviceId))
    .innerJoin(veterans, eq(veterans.id, waitlistEntries.veteranId))
}
export type WaitlistViewRow = NonNullable<Awaited<ReturnType<typeof findWaitlistView>>>

export async function findWaitlistView(db: Db, id: string) {
  return selectWaitlistViews(db).where(eq(waitlistEntries.id, id)).get() ?? null
}

/** Entries joined by the person or for their veterans, of slots not yet started, soonest first. */
export async function listMyWaitlist(db: Db, f: { userId: string; veteranIds: string[]; now: string }) {
  const mine = f.veteranIds.length
    ? or(eq(waitlistEntries.userId, f.userId), inArray(waitlistEntries.veteranId, f.veteranIds))
    : eq(waitlistEntries.userId, f.userId)
  return selectWaitlistViews(db)
    .where(and(mine, gt(slots.startsAt, f.now)))
    .orderBy(asc(slots.startsAt), asc(waitlistEntries.seq))
    .all()
}

export async function listWaitlistForExport(db: Db, userId: string) {
  return selectWaitlistViews(db).where(eq(waitlistEntries.userId, userId)).orderBy(asc(waitlistEntries.createdAt)).all()
}

/** Leaves the queue; the status tells a caller what the entry had become if it was no longer waiting. */
export async function leaveWaitlist(db: Db, id: string) {
  return inTx(db, (t) => {
    const { now } = t
    const entry = t.tx.select({ status: waitlistEntries.status }).from(waitlistEntries).where(eq(waitlistEntries.id, id)).get()
    if (!entry) return null
    if (entry.status === 'waiting') {
      t.tx.update(waitlistEntries).set({ status: 'cancelled', reason: 'left', updatedAt: now }).where(and(eq(waitlistEntries.id, id), eq(waitlistEntries.status, 'waiting'))).run()
    }
    return entry.status
  })
}

// ---------------------------------------------------------------------------------------------------------
// Staff

export interface SlotChange {
  slotId: string
  capacity?: number
  status?: 'open' | 'closed'
  reason: string | null
  audit: AuditEntryInput
  newCode: () => string
}

/**
 * Changes a slot's capacity or status in one transaction. Raising capacity fills the new places from the
 * waitlist; closing cancels the booked places and the waitlist, telling each person the reason.
 */
export async function changeSlot(db: Db, change: SlotChange): Promise<Outcome<SlotDetailRow>> {
  return inTx(db, (t): Outcome<SlotDetailRow> => {
    const { now } = t
    const slot = slotDetailIn(t, change.slotId)
    if (!slot) return refuse('NOT_FOUND')
    if (slot.endsAt <= now) return refuse('INVALID_STATE', {}, '已结束的时段不能修改')
    if (change.capacity !== undefined && change.capacity < slot.booked) {
      return refuse('CAPACITY_BELOW_BOOKED', { booked: slot.booked }, `已有 ${slot.booked} 人预约，容量不能少于 ${slot.booked}`)
    }
    if (change.status === 'open' && slot.status === 'closed' && slot.startsAt <= now) {
      return refuse('INVALID_STATE', {}, '已开始的时段不能重新开放')
    }
    let cancelled = 0
    if (change.capacity !== undefined) {
      expectOne(
        t.tx.update(slots).set({ capacity: change.capacity, updatedAt: now }).where(and(eq(slots.id, slot.id), lte(slots.booked, change.capacity))).run().changes,
        'change capacity'
      )
    }
    if (change.status === 'closed' && slot.status === 'open') cancelled = closeSlotIn(t, slot, change.reason ?? '', change.audit.actorId, now)
    if (change.status === 'open' && slot.status === 'closed') {
      t.tx.update(slots).set({ status: 'open', closedReason: null, updatedAt: now }).where(eq(slots.id, slot.id)).run()
    }
    promoteWaiting(t, slot.id, now, change.newCode)
    insertAudit(t.tx, { ...change.audit, detail: { ...change.audit.detail, cancelledBookings: cancelled } }, now)
    return done(slotDetailIn(t, slot.id)!)
  })
}

/** Closes a slot: its booked places are cancelled with the reason and its waitlist ends; each person is told. */
function closeSlotIn(t: Tx, slot: SlotDetailRow, reason: string, actorId: string | null, now: string) {
  t.tx.update(slots).set({ status: 'closed', closedReason: reason, updatedAt: now }).where(eq(slots.id, slot.id)).run()
  const booked = t.tx.select().from(bookings).where(and(eq(bookings.slotId, slot.id), eq(bookings.status, 'booked'))).all()
  for (const booking of booked) {
    expectOne(
      t.tx.update(bookings)
        .set({ status: 'cancelled', active: false, cancelReason: reason, cancelledBy: actorId, cancelledAt: now, updatedAt: now })
        .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'booked')))
        .run().changes,
      'cancel a booking of a closed slot'
    )
    freePlace(t, slot.id, now)
    insertNotifications(t.tx, bookingMessages.slotClosed(peopleOf(t, booking), contextOf(slot, booking.id), reason), now)
  }
  const waiting = t.tx.select().from(waitlistEntries).where(and(eq(waitlistEntries.slotId, slot.id), eq(waitlistEntries.status, 'waiting'))).all()
  for (const entry of waiting) {
    t.tx.update(waitlistEntries).set({ status: 'cancelled', reason: 'slot_closed', updatedAt: now }).where(eq(waitlistEntries.id, entry.id)).run()
    insertNotifications(t.tx, bookingMessages.waitlistClosed(peopleOf(t, { veteranId: entry.veteranId, bookedByUserId: entry.userId }), contextOf(slot, ''), reason, entry.id), now)
  }
  return booked.length
}

export type StaffAction = 'check_in' | 'complete' | 'no_show'

/** Moves a booking along at the desk (check-in, complete, no-show) with its audit entry, in one transaction. */
export async function recordAttendance(
  db: Db,
  input: { bookingId: string; action: StaffAction; audit: AuditEntryInput; allowed: (row: typeof bookings.$inferSelect, now: string) => Refusal | null }
): Promise<Outcome<BookingViewRow>> {
  return inTx(db, (t): Outcome<BookingViewRow> => {
    const { now } = t
    const booking = bookingRowIn(t, input.bookingId)
    if (!booking) return refuse('NOT_FOUND')
    const refusal = input.allowed(booking, now)
    if (refusal) return refusal
    const next =
      input.action === 'check_in'
        ? { status: 'checked_in' as const, checkedInAt: now }
        : input.action === 'complete'
          ? { status: 'completed' as const, active: false, completedAt: now, checkedInAt: booking.checkedInAt ?? now }
          : { status: 'no_show' as const, active: false }
    expectOne(
      t.tx.update(bookings)
        .set({ ...next, updatedAt: now })
        .where(and(eq(bookings.id, booking.id), eq(bookings.status, booking.status)))
        .run().changes,
      `record ${input.action}`
    )
    insertAudit(t.tx, input.audit, now)
    const view = bookingViewIn(t, booking.id)!
    if (input.action === 'complete') {
      const slot = slotDetailIn(t, booking.slotId)!
      insertNotifications(t.tx, bookingMessages.completed(peopleOf(t, booking), contextOf(slot, booking.id)), now)
    }
    return done(view)
  })
}

// ---------------------------------------------------------------------------------------------------------
// Account closing

/**
 * When an account closes: its upcoming booked places are cancelled (freed for the waitlist, the veteran told
 * when someone else booked for them) and its waiting entries end. Runs in one transaction.
 */
export async function releaseAccount(db: Db, userId: string, newCode: () => string) {
  return inTx(db, (t) => {
    const { now } = t
    // Its waiting ends first, so the places freed below do not go to it.
    const left = t.tx
      .update(waitlistEntries)
      .set({ status: 'cancelled', reason: 'account_closed', updatedAt: now })
      .where(and(eq(waitlistEntries.userId, userId), eq(waitlistEntries.status, 'waiting')))
      .run().changes
    const upcoming = t.tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.bookedByUserId, userId), eq(bookings.status, 'booked'), gt(bookings.startsAt, now)))
      .all()
    for (const booking of upcoming) {
      t.tx.update(bookings)
        .set({ status: 'cancelled', active: false, cancelReason: '预约人已注销账号', cancelledBy: userId, cancelledAt: now, updatedAt: now })
        .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'booked')))
        .run()
      freePlace(t, booking.slotId, now)
      promoteWaiting(t, booking.slotId, now, newCode)
      const veteranAccount = veteranAccountIn(t, booking.veteranId)
      if (veteranAccount && veteranAccount !== userId) {
        insertNotifications(t.tx, bookingMessages.cancelledAccountClosed([veteranAccount], contextOf(slotDetailIn(t, booking.slotId)!, booking.id)), now)
      }
    }
    return { cancelledBookings: upcoming.length, leftWaitlist: left }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Invariant check (tests and the benchmark): booked equals the places held by bookings that are not cancelled.

export async function findSlotsOutOfStep(db: Db) {
  const held = sql<number>`(SELECT count(*) FROM ${bookings} WHERE ${bookings.slotId} = ${slots.id} AND ${bookings.status} <> 'cancelled')`
  return db
    .select({ id: slots.id, capacity: slots.capacity, booked: slots.booked, held })
    .from(slots)
    .where(or(sql`${slots.booked} <> ${held}`, gt(slots.booked, slots.capacity)))
    .all()
}

// ---------------------------------------------------------------------------------------------------------
// Demo data

export type NewBookingRow = typeof bookings.$inferInsert

export async function findAccountByOpenid(db: Db, openid: string) {
  return db.select({ id: users.id, veteranId: users.veteranId, displayName: users.displayName }).from(users).where(eq(users.openid, openid)).get() ?? null
}

/**
 * Writes demo slots, bookings and notifications with multi-row inserts, a few hundred rows per transaction with
 * a turn of the event loop between them, so that seeding never holds the process for long.
 */
export async function insertDemoData(db: Db, data: { slots: NewSlotRow[]; bookings: NewBookingRow[]; notifications: NotificationInput[]; now: string }) {
  const CHUNK = 500
  for (let i = 0; i < data.slots.length; i += CHUNK) {
    await inTx(db, (t) => t.tx.insert(slots).values(data.slots.slice(i, i + CHUNK)).run())
  }
  await inTx(db, (t) => {
    if (data.bookings.length) t.tx.insert(bookings).values(data.bookings).run()
    insertNotifications(t.tx, data.notifications, data.now)
  })
}

// Writes the dashboard benchmark's data straight into a BFF database (for stats.bench.ts): veterans over the demo
// districts and categories; bookings over the demo centers and services across the two years before today, in
// slots of five, a fifth of the completed ones rated; threads of four messages each, most answered (with the
// first wait in working minutes, as the application writes it). Rows are placeholders where no figure reads them,
// unique where the schema says so.
import { createRequire } from 'node:module'
import { workingTimeBetween } from '../../bff/src/modules/messaging/sla'

interface Statement {
  run(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}
interface Sqlite {
  prepare(sql: string): Statement
  transaction(fn: () => void): () => void
  pragma(text: string): unknown
  close(): void
}

const require = createRequire(import.meta.url)
const Database = createRequire(require.resolve('@veterans/bff'))('better-sqlite3') as new (file: string) => Sqlite

const DISTRICTS = ['419902', '419903', '419904', '419905', '419971', '419921']
const CATEGORIES = ['soldier', 'officer_transferred', 'cadre_demobilized', 'cadre_retired', 'other']
const STATUSES = ['completed', 'completed', 'completed', 'no_show', 'cancelled', 'booked']
const DAY_MS = 86_400_000

const benchId = (kind: string, i: number) => `0BENCH${kind}${String(i).padStart(19, '0')}`

/**
 * A small deterministic generator (mulberry32), so two runs measure the same data. 32-bit integer arithmetic:
 * a multiplier applied in floating point loses the low bits past 2^53 and the sequence falls into short cycles
 * (the earlier one put half a million bookings on fewer than a thousand date, center and service combinations).
 */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

export interface StatsVolumes {
  veterans: number
  bookings: number
  messages: number
}

export function generateStatsData(dbFile: string, volumes: StatsVolumes) {
  const sqlite = new Database(dbFile)
  sqlite.pragma('journal_mode = WAL')
  const rand = random(11)
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!
  const now = Date.now()
  const nowIso = new Date(now).toISOString()
  const centers = (sqlite.prepare('SELECT id FROM centers').all() as { id: string }[]).map((c) => c.id)
  const services = (sqlite.prepare('SELECT id FROM services').all() as { id: string }[]).map((s) => s.id)
  const someone = (sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").all()[0] as { id: string }).id
  // A working-hours start within the two years before now: 09:00–16:30 Beijing time (01:00–08:30 UTC).
  const startWithinTwoYears = () => {
    const day = Math.floor((now - rand() * 730 * DAY_MS) / DAY_MS) * DAY_MS
    return day + (1 + Math.floor(rand() * 16) / 2) * 3_600_000
  }

  const veteran = sqlite.prepare(`INSERT INTO veterans (id, name, id_number_enc, id_number_hash, id_number_masked,
      gender, birth_date, district_code, category, created_at, updated_at)
    VALUES (?, '测试', 'bench', ?, '419900********0000', 'male', '1970-01-01', ?, ?, ?, ?)`)
  const slot = sqlite.prepare(`INSERT INTO slots (id, center_id, service_id, starts_at, ends_at, capacity, booked,
      status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 5, 5, 'open', ?, ?)`)
  const booking = sqlite.prepare(`INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id,
      booked_by_user_id, status, active, check_in_code, starts_at, ends_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 0, '000000', ?, ?, ?, ?)`)
  const rating = sqlite.prepare(`INSERT INTO booking_ratings (booking_id, score, rated_by, created_at)
    VALUES (?, ?, ?, ?)`)
  const thread = sqlite.prepare(`INSERT INTO threads (id, resident_user_id, center_id, category, subject, status,
      last_seq, last_position, last_message_at, first_response_at, first_response_minutes, sla_breaches, created_at,
      updated_at)
    VALUES (?, ?, ?, 'employment', '测试', 'resolved', 4, 4, ?, ?, ?, ?, ?, ?)`)
  const message = sqlite.prepare(`INSERT INTO thread_messages (id, thread_id, seq, position, internal, author_user_id,
      author_role, body, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, '测试内容', ?)`)

  sqlite.transaction(() => {
    for (let i = 0; i < volumes.veterans; i++) {
      const at = nowIso
      veteran.run(benchId('V', i), `bench-${i}`, pick(DISTRICTS), pick(CATEGORIES), at, at)
    }
    for (let i = 0; i < volumes.bookings; i += 5) {
      const slotId = benchId('S', i)
      const center = pick(centers)
      const service = pick(services)
      // A few milliseconds apart per slot: one slot per center, service and start time, as the schema wants.
      const startsAt = startWithinTwoYears() + i / 5
      const starts = new Date(startsAt).toISOString()
      const ends = new Date(startsAt + 30 * 60_000).toISOString()
      slot.run(slotId, center, service, starts, ends, nowIso, nowIso)
      for (let j = i; j < Math.min(i + 5, volumes.bookings); j++) {
        const status = pick(STATUSES)
        const bookingId = benchId('B', j)
        booking.run(
          bookingId,
          slotId,
          center,
          service,
          benchId('V', j % volumes.veterans),
          someone,
          status,
          starts,
          ends,
          nowIso,
          nowIso
        )
        if (status === 'completed' && rand() < 0.2) rating.run(bookingId, 1 + Math.floor(rand() * 5), someone, ends)
      }
    }
    for (let t = 0; t * 4 < volumes.messages; t++) {
      const threadId = benchId('T', t)
      const createdAt = startWithinTwoYears()
      const answered = rand() < 0.9
      const firstResponse = answered ? new Date(createdAt + rand() * 2 * DAY_MS).toISOString() : null
      const created = new Date(createdAt).toISOString()
      // The wait in working minutes, as the first staff answer writes it (messaging/thread-steps.ts).
      const minutes = firstResponse ? workingTimeBetween(created, firstResponse) / 60_000 : null
      const breaches = rand() < 0.1 ? 1 : 0
      thread.run(threadId, someone, pick(centers), created, firstResponse, minutes, breaches, created, created)
      for (let m = 0; m < 4 && t * 4 + m < volumes.messages; m++) {
        const at = new Date(createdAt + m * 3_600_000).toISOString()
        message.run(benchId('M', t * 4 + m), threadId, m + 1, m + 1, someone, m % 2 ? 'staff' : 'resident', at)
      }
    }
  })()
  sqlite.pragma('optimize')
  sqlite.close()
}

/**
 * The bookings that count (not cancelled) with a slot starting in [startsAt, endsAt), counted from the bookings
 * themselves: what the dashboard's roll-up must add up to.
 */
export function directBookingTotal(dbFile: string, startsAt: string, endsAt: string, centerName?: string): number {
  const sqlite = new Database(dbFile)
  try {
    const row = sqlite
      .prepare(
        `SELECT count(*) AS n FROM bookings b JOIN centers c ON c.id = b.center_id
          WHERE b.status <> 'cancelled' AND b.starts_at >= ? AND b.starts_at < ? AND (? IS NULL OR c.name = ?)`
      )
      .all(startsAt, endsAt, centerName ?? null, centerName ?? null)[0] as { n: number }
    return row.n
  } finally {
    sqlite.close()
  }
}

import type { FastifyInstance } from 'fastify'
import { clientOf } from '../src/db/client'

// A small, known data set written straight into the test database in March 2031, a week no demo data reaches:
// the figures the dashboard shows for it are worked out by hand in stats-figures.test.ts.

export const WEEK = { from: '2031-03-03', to: '2031-03-09' } // Monday to Sunday

let serial = 0
const id = (kind: string) => `0STATS${kind}${String(++serial).padStart(16, '0')}`

/** Beijing wall-clock time as the UTC instant the database stores. */
export const bj = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

export function statsFixture(app: FastifyInstance) {
  const sqlite = clientOf(app.db)
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T
  const centerId = (name: string) => one<{ id: string }>('SELECT id FROM centers WHERE name = ?', name).id
  const userId = (username: string) => one<{ id: string }>('SELECT id FROM users WHERE username = ?', username).id
  const services = sqlite.prepare('SELECT id, name FROM services ORDER BY sort_order').all() as {
    id: string
    name: string
  }[]
  const xijiang = centerId('西江区退役军人服务中心')
  const donghu = centerId('东湖区退役军人服务中心')
  const veteranId = one<{ id: string }>('SELECT id FROM veterans LIMIT 1').id
  const residentId = userId('admin') // any account will do as the booker or asker: no figure reads it
  const now = new Date().toISOString()

  const booking = (center: string, serviceId: string, startsAt: string, status: string, rating?: number): string => {
    const slotId = id('S')
    const endsAt = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString()
    sqlite
      .prepare(
        `INSERT INTO slots (id, center_id, service_id, starts_at, ends_at, capacity, booked, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 5, 1, 'open', ?, ?)`
      )
      .run(slotId, center, serviceId, startsAt, endsAt, now, now)
    const bookingId = id('B')
    sqlite
      .prepare(
        `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active,
           check_in_code, starts_at, ends_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, '000000', ?, ?, ?, ?)`
      )
      .run(bookingId, slotId, center, serviceId, veteranId, residentId, status, startsAt, endsAt, now, now)
    if (rating) {
      sqlite
        .prepare('INSERT INTO booking_ratings (booking_id, score, rated_by, created_at) VALUES (?, ?, ?, ?)')
        .run(bookingId, rating, residentId, endsAt) // rated after the visit
    }
    return bookingId
  }

  const thread = (center: string, createdAt: string, firstResponseAt: string | null, slaBreaches = 0) =>
    sqlite
      .prepare(
        `INSERT INTO threads (id, resident_user_id, center_id, category, subject, status, last_message_at,
           first_response_at, sla_breaches, created_at, updated_at)
         VALUES (?, ?, ?, 'employment', '测试', 'open', ?, ?, ?, ?, ?)`
      )
      .run(id('T'), residentId, center, createdAt, firstResponseAt, slaBreaches, createdAt, createdAt)

  const notice = (author: string, status: string, sentAt: string | null, recipients: number, read: number) => {
    const noticeId = id('N')
    sqlite
      .prepare(
        `INSERT INTO notices (id, title, body, audience, city_wide, status, author_id, sender_name, created_at,
           updated_at, sent_at, recipient_count)
         VALUES (?, '通知', '正文', '{}', 0, ?, ?, '测试', ?, ?, ?, ?)`
      )
      .run(noticeId, status, author, now, now, sentAt, recipients)
    for (let i = 0; i < recipients; i++) {
      sqlite
        .prepare('INSERT INTO notice_recipients (user_id, notice_id, delivered_at, read_at) VALUES (?, ?, ?, ?)')
        .run(id('R'), noticeId, sentAt ?? now, i < read ? (sentAt ?? now) : null)
    }
  }

  const veteran = (districtCode: string, category: string, status = 'active') => {
    const vid = id('V')
    sqlite
      .prepare(
        `INSERT INTO veterans (id, name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date,
           district_code, category, status, created_at, updated_at)
         VALUES (?, '测试', 'x', ?, '419900********0000', 'male', '1970-01-01', ?, ?, ?, ?, ?)`
      )
      .run(vid, `hash-${vid}`, districtCode, category, status, now, now)
  }

  return { xijiang, donghu, services, userId, booking, thread, notice, veteran }
}

import type { FastifyInstance } from 'fastify'
import { query } from '../src/db/query'

// A small, known data set written straight into the test database in March 2031, a week no demo data reaches:
// the figures the dashboard shows for it are worked out by hand in stats-figures.test.ts.

export const WEEK = { from: '2031-03-03', to: '2031-03-09' } // Monday to Sunday

let serial = 0
const id = (kind: string) => `0STATS${kind}${String(++serial).padStart(16, '0')}`

/** Beijing wall-clock time as the UTC instant the database stores. */
export const bj = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

export async function statsFixture(app: FastifyInstance) {
  const sql = (text: string) => query(app.db, text)
  const one = async <T>(text: string, ...params: unknown[]) => (await sql(text).get(...params)) as T
  const centerId = async (name: string) => (await one<{ id: string }>('SELECT id FROM centers WHERE name = ?', name)).id
  const userId = async (username: string) =>
    (await one<{ id: string }>('SELECT id FROM users WHERE username = ?', username)).id
  const services = (await sql('SELECT id, name FROM services ORDER BY sort_order').all()) as {
    id: string
    name: string
  }[]
  const xijiang = await centerId('西江区退役军人服务中心')
  const donghu = await centerId('东湖区退役军人服务中心')
  const veteranId = (await one<{ id: string }>('SELECT id FROM veterans LIMIT 1')).id
  const residentId = await userId('admin') // any account will do as the booker or asker: no figure reads it
  const now = new Date().toISOString()

  const booking = async (center: string, serviceId: string, startsAt: string, status: string, rating?: number) => {
    const slotId = id('S')
    const endsAt = new Date(Date.parse(startsAt) + 30 * 60_000).toISOString()
    await sql(
      `INSERT INTO slots (id, center_id, service_id, starts_at, ends_at, capacity, booked, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 5, 1, 'open', ?, ?)`
    ).run(slotId, center, serviceId, startsAt, endsAt, now, now)
    const bookingId = id('B')
    // active is a boolean column: a parameter (0) reads as false on both databases, a literal 0 would not.
    await sql(
      `INSERT INTO bookings (id, slot_id, center_id, service_id, veteran_id, booked_by_user_id, status, active,
         check_in_code, starts_at, ends_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '000000', ?, ?, ?, ?)`
    ).run(bookingId, slotId, center, serviceId, veteranId, residentId, status, 0, startsAt, endsAt, now, now)
    if (rating) {
      await sql('INSERT INTO booking_ratings (booking_id, score, rated_by, created_at) VALUES (?, ?, ?, ?)').run(
        bookingId,
        rating,
        residentId,
        endsAt // rated after the visit
      )
    }
    return bookingId
  }

  const thread = async (center: string, createdAt: string, firstResponseAt: string | null, slaBreaches = 0) =>
    sql(
      `INSERT INTO threads (id, resident_user_id, center_id, category, subject, status, last_message_at,
         first_response_at, sla_breaches, created_at, updated_at)
       VALUES (?, ?, ?, 'employment', '测试', 'open', ?, ?, ?, ?, ?)`
    ).run(id('T'), residentId, center, createdAt, firstResponseAt, slaBreaches, createdAt, createdAt)

  const notice = async (author: string, status: string, sentAt: string | null, recipients: number, read: number) => {
    const noticeId = id('N')
    // city_wide is a boolean column: a parameter, as active above.
    await sql(
      `INSERT INTO notices (id, title, body, audience, city_wide, status, author_id, sender_name, created_at,
         updated_at, sent_at, recipient_count)
       VALUES (?, '通知', '正文', '{}', ?, ?, ?, '测试', ?, ?, ?, ?)`
    ).run(noticeId, 0, status, author, now, now, sentAt, recipients)
    for (let i = 0; i < recipients; i++) {
      await sql('INSERT INTO notice_recipients (user_id, notice_id, delivered_at, read_at) VALUES (?, ?, ?, ?)').run(
        id('R'),
        noticeId,
        sentAt ?? now,
        i < read ? (sentAt ?? now) : null
      )
    }
  }

  const veteran = async (districtCode: string, category: string, status = 'active') => {
    const vid = id('V')
    await sql(
      `INSERT INTO veterans (id, name, id_number_enc, id_number_hash, id_number_masked, gender, birth_date,
         district_code, category, status, created_at, updated_at)
       VALUES (?, '测试', 'x', ?, '419900********0000', 'male', '1970-01-01', ?, ?, ?, ?, ?)`
    ).run(vid, `hash-${vid}`, districtCode, category, status, now, now)
  }

  return { xijiang, donghu, services, userId, booking, thread, notice, veteran }
}

import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { bookings, slots, users } from '../../db/schema/index'
import { insertNotifications, type NotificationInput } from '../notifications/service'
import type { NewSlotRow } from './slots-repo'
import { inTx } from './transaction'

// Demo data (seed.ts).

export type NewBookingRow = typeof bookings.$inferInsert

export async function findAccountByOpenid(db: Db, openid: string) {
  const [account] = await db
    .select({ id: users.id, veteranId: users.veteranId, displayName: users.displayName })
    .from(users)
    .where(eq(users.openid, openid))
    .limit(1)
  return account ?? null
}

/**
 * Writes demo slots, bookings and notifications with multi-row inserts, a few hundred rows per transaction with
 * a turn of the event loop between them, so that seeding never holds the process for long.
 */
export async function insertDemoData(
  db: Db,
  data: { slots: NewSlotRow[]; bookings: NewBookingRow[]; notifications: NotificationInput[]; now: string }
) {
  const CHUNK = 500
  for (let i = 0; i < data.slots.length; i += CHUNK) {
    await inTx(db, async (t) => {
      await t.tx.insert(slots).values(data.slots.slice(i, i + CHUNK))
    })
  }
  await inTx(db, async (t) => {
    if (data.bookings.length) await t.tx.insert(bookings).values(data.bookings)
    await insertNotifications(t.tx, data.notifications, data.now)
  })
}

import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { notices, users } from '../../db/schema/index'
import { audiencePageIn, resolveAudience } from './audience-repo'
import { deliverIn } from './recipients-repo'

// Demo data (seed.ts): notices written as if they had been sent in the past.

export async function findStaffCenterId(db: Db, userId: string) {
  const [row] = await db.select({ centerId: users.centerId }).from(users).where(eq(users.id, userId))
  return row?.centerId ?? null
}

/** A sent notice and its recipients (the demo audience is small: one page of it). */
export async function insertSentDemoNotice(db: Db, row: typeof notices.$inferInsert) {
  await groupCommit(db, async (tx) => {
    await tx.insert(notices).values(row)
    const userIds = await audiencePageIn(tx, resolveAudience(row.audience, null), '', 100_000)
    await deliverIn(tx, row.id, userIds, row.sentAt!)
    await query(tx, 'UPDATE notices SET recipient_count = ?, fanout_cursor = ? WHERE id = ?').run(
      userIds.length,
      userIds[userIds.length - 1] ?? null,
      row.id
    )
  })
}

import { eq } from 'drizzle-orm'
import { statement, type Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { notices, users } from '../../db/schema/index'
import { audiencePageIn, resolveAudience } from './audience-repo'
import { deliverIn } from './recipients-repo'

// Demo data (seed.ts): notices written as if they had been sent in the past.

export async function findStaffCenterId(db: Db, userId: string) {
  return db.select({ centerId: users.centerId }).from(users).where(eq(users.id, userId)).get()?.centerId ?? null
}

/** A sent notice and its recipients (the demo audience is small: one page of it). */
export async function insertSentDemoNotice(db: Db, row: typeof notices.$inferInsert) {
  await groupCommit(db, (tx) => {
    tx.insert(notices).values(row).run()
    const userIds = audiencePageIn(tx, resolveAudience(row.audience, null), '', 100_000)
    deliverIn(tx, row.id, userIds, row.sentAt!)
    statement(tx, 'UPDATE notices SET recipient_count = ?, fanout_cursor = ? WHERE id = ?').run(
      userIds.length,
      userIds[userIds.length - 1] ?? null,
      row.id
    )
  })
}

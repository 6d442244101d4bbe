import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { cannedReplies, threadMessages, threads, users } from '../../db/schema/index'

// Demo data (seed.ts), written as it would have been, with times in the past.

export type DemoThreadRow = typeof threads.$inferInsert
export type DemoEntryRow = typeof threadMessages.$inferInsert
export type DemoCannedReplyRow = typeof cannedReplies.$inferInsert

/** Demo accounts by WeChat openid or staff username. */
export async function findDemoAccount(db: Db, name: { openid: string } | { username: string }) {
  const where = 'openid' in name ? eq(users.openid, name.openid) : eq(users.username, name.username)
  return (
    db.select({ id: users.id, veteranId: users.veteranId, centerId: users.centerId }).from(users).where(where).get() ??
    null
  )
}

export async function insertDemoThreads(
  db: Db,
  data: { threads: DemoThreadRow[]; entries: DemoEntryRow[]; cannedReplies: DemoCannedReplyRow[] }
) {
  await groupCommit(db, (tx) => {
    if (data.threads.length) tx.insert(threads).values(data.threads).run()
    if (data.entries.length) tx.insert(threadMessages).values(data.entries).run()
    if (data.cannedReplies.length) tx.insert(cannedReplies).values(data.cannedReplies).run()
  })
}

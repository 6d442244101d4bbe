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
  const [row] = await db
    .select({ id: users.id, veteranId: users.veteranId, centerId: users.centerId })
    .from(users)
    .where(where)
  return row ?? null
}

export async function insertDemoThreads(
  db: Db,
  data: { threads: DemoThreadRow[]; entries: DemoEntryRow[]; cannedReplies: DemoCannedReplyRow[] }
) {
  await groupCommit(db, async (tx) => {
    if (data.threads.length) await tx.insert(threads).values(data.threads)
    if (data.entries.length) await tx.insert(threadMessages).values(data.entries)
    if (data.cannedReplies.length) await tx.insert(cannedReplies).values(data.cannedReplies)
  })
}

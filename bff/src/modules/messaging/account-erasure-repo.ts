import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { threadMessages, threads } from '../../db/schema/index'

/**
 * A closed account's threads (PIPL deletion). What the person wrote — subjects and their messages — is erased
 * (their photos go with uploads' own closing step), and the thread no longer names their veteran record. Staff's replies and notes,
 * the timings and the rating stay: they are the bureau's record of its own work and feed the statistics, and no
 * longer say whose question it was. Threads still waiting are closed, so they leave the inbox.
 */
export async function eraseResidentThreads(db: Db, userId: string) {
  return groupCommit(db, async (tx) => {
    const now = new Date().toISOString()
    const own = (await tx.select({ id: threads.id }).from(threads).where(eq(threads.residentUserId, userId))).map(
      (t) => t.id
    )
    if (own.length === 0) return 0
    await tx
      .update(threadMessages)
      .set({ body: '' })
      .where(and(inArray(threadMessages.threadId, own), eq(threadMessages.authorUserId, userId)))
    await tx
      .update(threads)
      .set({
        subject: '',
        veteranId: null,
        status: 'resolved',
        waitingSince: null,
        slaDueAt: null,
        resolvedAt: sql`COALESCE(${threads.resolvedAt}, ${now})`,
        erasedAt: now,
        updatedAt: now
      })
      .where(eq(threads.residentUserId, userId))
    return own.length
  })
}

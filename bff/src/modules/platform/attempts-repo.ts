import { and, eq, gte, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { failedAttempts } from '../../db/schema/index'

// Failed attempts that lock a door for a while: staff passwords (auth) and identity binding (me) count them here.

export type Attempt = { attemptId: number } | { retryAfterSeconds: number }

/**
 * Counts an attempt before it is made, in one transaction: refused (with when to try again) when `max` attempts
 * of this subject are already in the window. Counting first means parallel guesses cannot all slip in before any
 * failure is written. An attempt that succeeds is forgiven.
 */
export async function beginAttempt(
  db: Db,
  scope: string,
  subject: string,
  windowMs: number,
  max: number
): Promise<Attempt> {
  const now = Date.now()
  const since = new Date(now - windowMs).toISOString()
  return groupCommit(db, async (tx): Promise<Attempt> => {
    const inWindow = await tx
      .select({ at: failedAttempts.at })
      .from(failedAttempts)
      .where(and(eq(failedAttempts.scope, scope), eq(failedAttempts.subject, subject), gte(failedAttempts.at, since)))
      .orderBy(failedAttempts.at)
    if (inWindow.length >= max) {
      return { retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(inWindow[0]!.at) + windowMs - now) / 1000)) }
    }
    const [inserted] = await tx
      .insert(failedAttempts)
      .values({ scope, subject, at: new Date(now).toISOString() })
      .returning({ id: failedAttempts.id })
    return { attemptId: inserted!.id }
  })
}

export async function forgiveAttempt(db: Db, attemptId: number) {
  await db.delete(failedAttempts).where(eq(failedAttempts.id, attemptId))
}

export async function clearFailedAttempts(db: Db, scope: string, subject: string) {
  await db.delete(failedAttempts).where(and(eq(failedAttempts.scope, scope), eq(failedAttempts.subject, subject)))
}

/** Housekeeping: forget attempts older than a day. */
export async function pruneFailedAttempts(db: Db, before: string) {
  await db.delete(failedAttempts).where(lt(failedAttempts.at, before))
}

import { and, eq, gt, sql } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { rowsChanged } from '../../db/query'
import { wechatSubscriptions } from '../../db/schema/index'

// WeChat subscription credits: each accepted request allows one message of that template (WeChat counts them the
// same way), so an accept adds one and each queued message takes one.

/** Records what a person answered for each template; accepts add a credit each, in one transaction. */
export async function recordAnswersIn(
  tx: Conn,
  userId: string,
  answers: { templateId: string; answer: string }[],
  now: string
) {
  for (const { templateId, answer } of answers) {
    const credit = answer === 'accept' ? 1 : 0
    await tx
      .insert(wechatSubscriptions)
      .values({ userId, templateId, remaining: credit, lastAnswer: answer, updatedAt: now })
      .onConflictDoUpdate({
        target: [wechatSubscriptions.userId, wechatSubscriptions.templateId],
        set: {
          remaining: sql`${wechatSubscriptions.remaining} + ${credit}`,
          lastAnswer: answer,
          updatedAt: now
        }
      })
  }
}

export async function listCredits(db: Db, userId: string) {
  return await db
    .select({ templateId: wechatSubscriptions.templateId, remaining: wechatSubscriptions.remaining })
    .from(wechatSubscriptions)
    .where(eq(wechatSubscriptions.userId, userId))
}

/** Takes one credit if there is one; false when there was none (the conditional UPDATE settles races). */
export async function takeCreditIn(tx: Conn, userId: string, templateId: string, now: string): Promise<boolean> {
  return (
    rowsChanged(
      await tx
        .update(wechatSubscriptions)
        .set({ remaining: sql`${wechatSubscriptions.remaining} - 1`, updatedAt: now })
        .where(
          and(
            eq(wechatSubscriptions.userId, userId),
            eq(wechatSubscriptions.templateId, templateId),
            gt(wechatSubscriptions.remaining, 0)
          )
        )
    ) === 1
  )
}

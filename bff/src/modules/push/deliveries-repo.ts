import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { notices, pushDeliveries, users } from '../../db/schema/index'
import type { PushDeliveryStatus } from '@veterans/shared'

const RETRYABLE = ['pending', 'failed_temporary'] as const

/**
 * Claims deliveries that are due: their next attempt moves `leaseMs` ahead and the attempt is counted, in one
 * transaction, so two workers (or two instances) never send the same one at once, and one a crashed worker had
 * claimed is tried again once the lease runs out.
 */
export async function claimDueDeliveries(db: Db, now: string, leaseUntil: string, limit: number) {
  return groupCommit(db, async (tx) => {
    const due = await tx
      .select({
        id: pushDeliveries.id,
        userId: pushDeliveries.userId,
        kind: pushDeliveries.kind,
        templateId: pushDeliveries.templateId,
        fields: pushDeliveries.fields,
        page: pushDeliveries.page,
        urgent: pushDeliveries.urgent,
        attempts: pushDeliveries.attempts,
        openid: users.openid
      })
      .from(pushDeliveries)
      .leftJoin(users, and(eq(users.id, pushDeliveries.userId), eq(users.status, 'active')))
      .where(and(inArray(pushDeliveries.status, RETRYABLE), lte(pushDeliveries.nextAttemptAt, now)))
      .orderBy(asc(pushDeliveries.nextAttemptAt))
      .limit(limit)
    for (const row of due) {
      await tx
        .update(pushDeliveries)
        .set({ attempts: sql`${pushDeliveries.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(eq(pushDeliveries.id, row.id))
    }
    return due.map((row) => ({ ...row, attempts: row.attempts + 1 }))
  })
}

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number]

/** Records how an attempt ended, unless another worker has claimed the delivery since (its attempt count moved). */
export async function recordAttempt(
  db: Db,
  claimed: { id: string; attempts: number },
  result: { status: PushDeliveryStatus; nextAttemptAt: string; error: string | null; sentAt: string | null }
) {
  await db
    .update(pushDeliveries)
    .set({ status: result.status, nextAttemptAt: result.nextAttemptAt, lastError: result.error, sentAt: result.sentAt })
    .where(and(eq(pushDeliveries.id, claimed.id), eq(pushDeliveries.attempts, claimed.attempts)))
}

/** Where a notice was addressed from, to decide which staff may follow its deliveries. */
export async function noticeScope(db: Db, noticeId: string) {
  const [row] = await db
    .select({ scopeDistrictCode: notices.scopeDistrictCode })
    .from(notices)
    .where(eq(notices.id, noticeId))
  return row
}

export async function listDeliveries(
  db: Db,
  filter: { sourceType: string; sourceId: string; status?: PushDeliveryStatus; afterId: string | null; limit: number }
) {
  return await db
    .select({
      id: pushDeliveries.id,
      displayName: users.displayName,
      status: pushDeliveries.status,
      attempts: pushDeliveries.attempts,
      nextAttemptAt: pushDeliveries.nextAttemptAt,
      lastError: pushDeliveries.lastError,
      createdAt: pushDeliveries.createdAt,
      sentAt: pushDeliveries.sentAt
    })
    .from(pushDeliveries)
    .innerJoin(users, eq(users.id, pushDeliveries.userId))
    .where(
      and(
        eq(pushDeliveries.sourceType, filter.sourceType),
        eq(pushDeliveries.sourceId, filter.sourceId),
        filter.status ? eq(pushDeliveries.status, filter.status) : undefined,
        filter.afterId ? gt(pushDeliveries.id, filter.afterId) : undefined
      )
    )
    .orderBy(asc(pushDeliveries.id))
    .limit(filter.limit + 1)
}

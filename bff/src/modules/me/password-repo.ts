import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { sessions, users } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

export async function findPasswordHash(db: Db, userId: string): Promise<string | null> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, 'staff')))
    .limit(1)
  return user?.passwordHash ?? null
}

/**
 * Stores a staff member's new password, clears the must-change mark and ends their other logins (whoever had
 * the old password is out); the login that changed it stays. With its audit entry, in one transaction.
 */
export async function replacePassword(
  db: Db,
  userId: string,
  keepSessionId: string,
  passwordHash: string,
  audit: AuditEntryInput
): Promise<string[]> {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(users.id, userId))
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: now, revokeReason: 'password_changed' })
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id })
    await insertAudit(tx, audit, now)
    return ended.map((s) => s.id)
  })
}

import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { users } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

export type NewStaffRow = Pick<
  typeof users.$inferInsert,
  'id' | 'username' | 'passwordHash' | 'displayName' | 'role' | 'centerId'
>

/** Creates a staff account and its audit entry together; null if the username is taken. */
export async function insertStaff(db: Db, row: NewStaffRow, audit: AuditEntryInput) {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, row.username!))
    if (taken) return null
    await tx.insert(users).values({ ...row, kind: 'staff', createdAt: now, updatedAt: now })
    await insertAudit(tx, audit, now)
    const [created] = await tx.select().from(users).where(eq(users.id, row.id))
    return created!
  })
}

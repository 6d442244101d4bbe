import { eq } from 'drizzle-orm'
import { immediate, type Db } from '../../db/client'
import { users } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

export type NewStaffRow = Pick<
  typeof users.$inferInsert,
  'id' | 'username' | 'passwordHash' | 'displayName' | 'role' | 'centerId'
>

/** Creates a staff account and its audit entry together; null if the username is taken. */
export async function insertStaff(db: Db, row: NewStaffRow, audit: AuditEntryInput) {
  const now = new Date().toISOString()
  return immediate(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, row.username!)).get()) return null
    tx.insert(users)
      .values({ ...row, kind: 'staff', createdAt: now, updatedAt: now })
      .run()
    insertAudit(tx, audit, now)
    return tx.select().from(users).where(eq(users.id, row.id)).get()!
  })
}

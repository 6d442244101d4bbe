import { eq } from 'drizzle-orm'
import { immediate, type Db } from '../../db/client'
import { veterans } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

export type NewVeteranRow = typeof veterans.$inferInsert

/** Inserts a registry record and its audit entry together; null if the ID number is already recorded. */
export async function insertVeteran(db: Db, row: NewVeteranRow, audit: AuditEntryInput) {
  return immediate(db, (tx) => {
    const existing = tx
      .select({ id: veterans.id })
      .from(veterans)
      .where(eq(veterans.idNumberHash, row.idNumberHash))
      .get()
    if (existing) return null
    tx.insert(veterans).values(row).run()
    insertAudit(tx, audit, row.createdAt)
    return tx.select().from(veterans).where(eq(veterans.id, row.id)).get()!
  })
}

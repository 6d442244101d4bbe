import { eq, sql } from 'drizzle-orm'
import { immediate, type Db } from '../../db/client'
import { veterans } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

export type NewVeteranRow = typeof veterans.$inferInsert
export type VeteranRow = typeof veterans.$inferSelect

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

export async function findVeteran(db: Db, id: string) {
  return db
    .select({
      veteran: veterans,
      bound: sql<number>`exists (select 1 from users where users.veteran_id = ${veterans.id})`
    })
    .from(veterans)
    .where(eq(veterans.id, id))
    .get()
}

/** Changes a record and writes its audit entry in one transaction; the changed record, or null if it is gone. */
export async function updateVeteran(
  db: Db,
  id: string,
  changes: Partial<NewVeteranRow>,
  audit: AuditEntryInput
): Promise<VeteranRow | null> {
  return immediate(db, (tx) => {
    const changed = tx.update(veterans).set(changes).where(eq(veterans.id, id)).run().changes
    if (changed === 0) return null
    insertAudit(tx, audit, changes.updatedAt)
    return tx.select().from(veterans).where(eq(veterans.id, id)).get() ?? null
  })
}

import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { rowsChanged } from '../../db/query'
import { veterans } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

export type NewVeteranRow = typeof veterans.$inferInsert
export type VeteranRow = typeof veterans.$inferSelect

/** Inserts a registry record and its audit entry together; null if the ID number is already recorded. */
export async function insertVeteran(db: Db, row: NewVeteranRow, audit: AuditEntryInput) {
  return groupCommit(db, async (tx) => {
    const [existing] = await tx
      .select({ id: veterans.id })
      .from(veterans)
      .where(eq(veterans.idNumberHash, row.idNumberHash))
      .limit(1)
    if (existing) return null
    await tx.insert(veterans).values(row)
    await insertAudit(tx, audit, row.createdAt)
    const [inserted] = await tx.select().from(veterans).where(eq(veterans.id, row.id)).limit(1)
    return inserted!
  })
}

export async function findVeteran(db: Db, id: string) {
  const [found] = await db
    .select({
      veteran: veterans,
      bound: sql<number>`exists (select 1 from users where users.veteran_id = ${veterans.id})`
    })
    .from(veterans)
    .where(eq(veterans.id, id))
    .limit(1)
  return found
}

/** Changes a record and writes its audit entry in one transaction; the changed record, or null if it is gone. */
export async function updateVeteran(
  db: Db,
  id: string,
  changes: Partial<NewVeteranRow>,
  audit: AuditEntryInput
): Promise<VeteranRow | null> {
  return groupCommit(db, async (tx) => {
    const changed = rowsChanged(await tx.update(veterans).set(changes).where(eq(veterans.id, id)))
    if (changed === 0) return null
    await insertAudit(tx, audit, changes.updatedAt)
    const [row] = await tx.select().from(veterans).where(eq(veterans.id, id)).limit(1)
    return row ?? null
  })
}

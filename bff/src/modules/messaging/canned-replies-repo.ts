import { asc } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { cannedReplies } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

// Canned replies (常用回复): shared by the whole staff team, by title.

/** More than a team keeps; the list comes whole. */
const MAX_LISTED = 500

export async function listCannedReplies(db: Db) {
  return db.select().from(cannedReplies).orderBy(asc(cannedReplies.title), asc(cannedReplies.id)).limit(MAX_LISTED)
}

export type NewCannedReply = typeof cannedReplies.$inferInsert

/** Adds a canned reply with its audit entry, in one transaction. */
export async function insertCannedReply(db: Db, row: NewCannedReply, audit: AuditEntryInput | null) {
  return groupCommit(db, async (tx) => {
    await tx.insert(cannedReplies).values(row)
    if (audit) await insertAudit(tx, { ...audit, entityId: row.id }, row.createdAt)
    return row
  })
}

import { and, desc, eq, gte, lt, lte } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { auditLog } from '../../db/schema/index'
import { newId } from '../../lib/ids'

export interface AuditEntryInput {
  actorId: string | null
  actorRole?: string | null
  action: string
  entity: string
  entityId?: string | null
  detail?: Record<string, unknown>
}

/** Appends to the audit log inside the caller's transaction, so the write and its record commit together. */
export async function insertAudit(tx: Conn, entry: AuditEntryInput, at: string = new Date().toISOString()) {
  await tx.insert(auditLog).values({
    id: newId(),
    at,
    actorId: entry.actorId,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? {}
  })
}

export async function recordAudit(db: Db, entry: AuditEntryInput) {
  await insertAudit(db, entry)
}

export interface AuditFilter {
  actorId?: string
  action?: string
  from?: string
  to?: string
  beforeId?: string | null
  limit: number
}

/** Newest first; `beforeId` pages backwards (ids sort by time). */
export async function listAudit(db: Db, filter: AuditFilter) {
  const conditions = [
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
    filter.beforeId ? lt(auditLog.id, filter.beforeId) : undefined
  ].filter((c) => c !== undefined)
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1)
}

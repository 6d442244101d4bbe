import type { Db } from '../../db/client'
import { query } from '../../db/query'

// The audit log as admins read it: newest first, with the name of whoever acted, filtered by who, what and when.

export interface AuditRow {
  id: string
  at: string
  actorId: string | null
  actorName: string | null
  actorKind: 'wechat' | 'staff' | null
  actorRole: string | null
  action: string
  entity: string
  entityId: string | null
  detail: string
}

export interface AuditFilter {
  actorId?: string
  action?: string
  /** UTC ISO instants, both included. */
  from?: string
  to?: string
  /** Page backwards from this id (ids sort by time). */
  beforeId?: string | null
}

/** The matching entries, newest first, at most `limit` (the caller asks one more to know of a next page). */
export async function auditRows(db: Db, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (condition: string, value: unknown) => {
    where.push(condition)
    params.push(value)
  }
  if (filter.actorId) add('a.actor_id = ?', filter.actorId)
  if (filter.action) add('a.action = ?', filter.action)
  if (filter.from) add('a.at >= ?', filter.from)
  if (filter.to) add('a.at <= ?', filter.to)
  if (filter.beforeId) add('a.id < ?', filter.beforeId)
  const sql = `SELECT a.id, a.at, a.actor_id AS actorId, u.display_name AS actorName, u.kind AS actorKind, a.actor_role AS actorRole,
      a.action, a.entity, a.entity_id AS entityId, a.detail
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.id DESC LIMIT ?`
  return query<AuditRow>(db, sql).all(...params, limit)
}

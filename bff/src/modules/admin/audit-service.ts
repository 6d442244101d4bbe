import { maskName, type AuditEntry, type AuditQuery } from '@veterans/shared'
import { beijingDateOf, beijingTimeOf } from '@veterans/shared/rules'
import type { Ctx } from '../../context'
import { decodeCursor, toPage } from '../../lib/pagination'
import { csvDocument, csvLine } from '../stats/csv'
import { auditRows, type AuditFilter, type AuditRow } from './audit-repo'

/** The most rows one CSV download holds; narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 100_000

function filterOf(query: Omit<AuditQuery, 'limit' | 'cursor'>): AuditFilter {
  return {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: query.action } : {}),
    // Stored times are UTC ISO strings: compare like with like, whatever offset the caller wrote.
    ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
    ...(query.to ? { to: new Date(query.to).toISOString() } : {})
  }
}

/** Staff by their name; a resident's name masked, as everywhere staff see residents. */
function actorName(row: AuditRow): string | null {
  if (!row.actorName) return null
  return row.actorKind === 'staff' ? row.actorName : maskName(row.actorName)
}

export async function listAuditEntries(
  ctx: Ctx,
  query: AuditQuery
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const limit = query.limit ?? 20
  const rows = await auditRows(ctx.db, { ...filterOf(query), beforeId: decodeCursor(query.cursor) }, limit + 1)
  const page = toPage(rows, limit, (r) => r.id)
  return {
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      actorName: actorName(r),
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      detail: JSON.parse(r.detail) as Record<string, unknown>
    })),
    nextCursor: page.nextCursor
  }
}

/** The matching entries, newest first, as CSV with Beijing times (at most AUDIT_CSV_MAX_ROWS). */
export async function auditCsv(ctx: Ctx, query: Omit<AuditQuery, 'limit' | 'cursor'>): Promise<string> {
  const rows = await auditRows(ctx.db, filterOf(query), AUDIT_CSV_MAX_ROWS)
  return csvDocument([
    csvLine(['时间（北京时间）', '操作人', '操作人编号', '角色', '操作', '对象', '对象编号', '详情']),
    ...rows.map((r) =>
      csvLine([
        `${beijingDateOf(r.at)} ${beijingTimeOf(r.at)}`,
        actorName(r),
        r.actorId,
        r.actorRole,
        r.action,
        r.entity,
        r.entityId,
        r.detail
      ])
    )
  ])
}

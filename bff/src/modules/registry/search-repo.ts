import { and, desc, eq, like, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { veterans } from '../../db/schema/index'

export interface RegistryFilter {
  /** The district the reader is limited to (null: every district). */
  scopeDistrictCode: string | null
  q?: string
  districtCode?: string
  category?: string
  status?: string
}

/** Whether a WeChat account is bound to the record (users.veteran_id is unique where set). */
const boundColumn = sql<number>`exists (select 1 from users where users.veteran_id = ${veterans.id})`.as('bound')

/** `%` and `_` typed by a person are letters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c)
}

/** A query of 4 characters that can end an ID number (digits, perhaps a final X) is also matched against the tail. */
const ID_TAIL = /^\d{3}[\dXx]$/

function conditions(filter: RegistryFilter): SQL | undefined {
  const q = filter.q?.trim()
  const parts = [
    filter.scopeDistrictCode !== null ? eq(veterans.districtCode, filter.scopeDistrictCode) : undefined,
    filter.districtCode ? eq(veterans.districtCode, filter.districtCode) : undefined,
    filter.category ? eq(veterans.category, filter.category as never) : undefined,
    filter.status ? eq(veterans.status, filter.status as never) : undefined,
    q
      ? or(
          sql`${veterans.name} like ${'%' + escapeLike(q) + '%'} escape '\\'`,
          ID_TAIL.test(q) ? like(veterans.idNumberMasked, '%' + q.toUpperCase()) : undefined
        )
      : undefined
  ].filter((c) => c !== undefined)
  return parts.length ? and(...parts) : undefined
}

/** One page of records, newest first (ids sort by creation time); `beforeId` pages on. */
export async function searchVeterans(db: Db, filter: RegistryFilter, page: { beforeId: string | null; limit: number }) {
  const where = conditions(filter)
  return await db
    .select({ veteran: veterans, bound: boundColumn })
    .from(veterans)
    .where(page.beforeId ? and(where, lt(veterans.id, page.beforeId)) : where)
    .orderBy(desc(veterans.id))
    .limit(page.limit + 1)
}

export async function countVeterans(db: Db, filter: RegistryFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(veterans)
    .where(conditions(filter))
  return row?.n ?? 0
}

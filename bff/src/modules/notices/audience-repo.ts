import type { NoticeAudience, PolicyEligibility } from '@veterans/shared'
import type { Conn, Db } from '../../db/client'
import { query } from '../../db/query'

// Who a notice reaches, in SQL: the same clauses count the audience (preview, the recipient count fixed at send)
// and page through it by user id (the fan-out's batches). Filters travel as JSON parameters, so each shape of
// query is one prepared statement whatever the lists hold.

/** An audience with the linked policy's eligibility resolved (the policy is read through the policies service). */
export interface ResolvedAudience {
  veterans: boolean
  families: boolean
  districts: string[] | null
  categories: string[] | null
  eligibility: PolicyEligibility | null
}

export function resolveAudience(audience: NoticeAudience, eligibility: PolicyEligibility | null): ResolvedAudience {
  const list = (values: string[] | undefined) => (values && values.length > 0 ? values : null)
  return {
    veterans: audience.roles.includes('veteran'),
    families: audience.roles.includes('family'),
    districts: list(audience.districts),
    categories: list(audience.veteranCategories),
    eligibility
  }
}

// The veteran record `v` matches the notice's filters and, when set, the policy's eligibility (as
// policies/eligibility.ts decides it: every criterion must hold; missing data does not hold). Written so that
// SQLite and PostgreSQL read it alike (casts where PostgreSQL would not guess a parameter's type).
const RECORD_MATCHES = `
  (@districts IS NULL OR v.district_code IN (SELECT value FROM json_each(@districts)))
  AND (@categories IS NULL OR v.category IN (SELECT value FROM json_each(@categories)))
  AND (@eligCategories IS NULL OR v.category IN (SELECT value FROM json_each(@eligCategories)))
  AND (@eligDistricts IS NULL OR v.district_code IN (SELECT value FROM json_each(@eligDistricts)))
  AND (@eligDisability IS NULL OR v.disability_level IN (SELECT CAST(value AS INTEGER) FROM json_each(@eligDisability)))
  AND (CAST(@eligMinYears AS INTEGER) IS NULL OR (
    v.enlist_date IS NOT NULL AND v.discharge_date IS NOT NULL AND v.discharge_date >= v.enlist_date
    AND CAST(substr(v.discharge_date, 1, 4) AS INTEGER) - CAST(substr(v.enlist_date, 1, 4) AS INTEGER)
      - (CASE WHEN substr(v.discharge_date, 6) < substr(v.enlist_date, 6) THEN 1 ELSE 0 END)
      >= CAST(@eligMinYears AS INTEGER)))`

/** People who turned notices off in their inbox are left out. */
const WANTS_NOTICES = (user: string) => `NOT EXISTS (SELECT 1 FROM message_preferences p
  WHERE p.user_id = ${user} AND p.kind = 'notice' AND p.inbox = 0)`

const VETERAN_ACCOUNTS = `SELECT u.id AS id FROM users u JOIN veterans v ON v.id = u.veteran_id
  WHERE u.status = 'active' AND u.role = 'veteran' AND ${RECORD_MATCHES} AND ${WANTS_NOTICES('u.id')}`

// A family member counts once, however many of the veterans they are linked to match.
const FAMILY_ACCOUNTS = `SELECT DISTINCT fl.user_id AS id FROM family_links fl
  JOIN veterans v ON v.id = fl.veteran_id JOIN users u ON u.id = fl.user_id
  WHERE fl.removed_at IS NULL AND u.status = 'active' AND u.role IN ('veteran', 'family', 'resident')
    AND ${RECORD_MATCHES} AND ${WANTS_NOTICES('fl.user_id')}`

function paramsOf(audience: ResolvedAudience) {
  const json = (values: readonly (string | number)[] | null | undefined) =>
    values && values.length > 0 ? JSON.stringify(values) : null
  const e = audience.eligibility
  return {
    districts: json(audience.districts),
    categories: json(audience.categories),
    eligCategories: json(e?.categories),
    eligDistricts: json(e?.districts),
    eligDisability: json(e?.disabilityLevels),
    eligMinYears: e?.minServiceYears ?? null
  }
}

// A page of the audience after a user id, in id order. Each side is limited on its own first (so that neither is
// read further than needed), then the union is. Every subquery is named (PostgreSQL requires it).
const after = (accounts: string, column: string) =>
  `SELECT id FROM (${accounts} AND ${column} > @after ORDER BY ${column} LIMIT @limit) AS side`
const PAGE_SQL = {
  both: `${after(VETERAN_ACCOUNTS, 'u.id')} UNION ${after(FAMILY_ACCOUNTS, 'fl.user_id')} ORDER BY id LIMIT @limit`,
  veterans: `${after(VETERAN_ACCOUNTS, 'u.id')} ORDER BY id LIMIT @limit`,
  families: `${after(FAMILY_ACCOUNTS, 'fl.user_id')} ORDER BY id LIMIT @limit`
}

/** The next `limit` accounts of the audience after user id `afterId` (empty string: from the start). */
const pageSqlOf = (audience: ResolvedAudience) =>
  audience.veterans && audience.families ? PAGE_SQL.both : audience.veterans ? PAGE_SQL.veterans : PAGE_SQL.families

export async function audiencePageIn(
  tx: Conn | Db,
  audience: ResolvedAudience,
  afterId: string,
  limit: number
): Promise<string[]> {
  return query(tx, pageSqlOf(audience)).values<string>({ ...paramsOf(audience), after: afterId, limit })
}

export interface AudienceCount {
  count: number
  veterans: number
  families: number
}

/** People counted per chunk: each chunk is one short query, and other requests are served between chunks. */
const COUNT_CHUNK = 10_000
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

async function countPaged(db: Db, audience: ResolvedAudience) {
  const sql = `SELECT count(*) AS n, max(id) AS last FROM (${pageSqlOf(audience)}) AS page`
  let total = 0
  let after = ''
  for (;;) {
    const chunk = (await query<{ n: number; last: string | null }>(db, sql).get({
      ...paramsOf(audience),
      after,
      limit: COUNT_CHUNK
    }))!
    total += chunk.n
    if (chunk.n < COUNT_CHUNK || !chunk.last) return total
    after = chunk.last
    await nextTurn()
  }
}

/**
 * How many accounts the audience reaches now: veterans, and family members who are not counted as veterans.
 * Counted in chunks of the id order, so that counting 100,000 people never holds the event loop for long; the
 * answer is of this moment (the fan-out puts in the inbox whoever is in the audience when their batch runs).
 */
export async function countAudience(db: Db, audience: ResolvedAudience): Promise<AudienceCount> {
  const veterans = audience.veterans ? await countPaged(db, { ...audience, families: false }) : 0
  const count = audience.families ? await countPaged(db, audience) : veterans
  return { count, veterans, families: count - veterans }
}

import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { postgresClientOf } from '../../db/dialect'
import { policies, policySearchState, users } from '../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'
import { parseIdList } from './search/id-list'
import {
  indexPolicyPostgres,
  optimizeSearchIndexPostgres,
  removePolicyFromSearchPostgres
} from './search/postgres-index'
import { indexStream } from './search/text'

export type PolicyRow = typeof policies.$inferSelect
export type NewPolicyRow = Omit<typeof policies.$inferInsert, 'searchRowid'>
export type PolicyContent = Pick<
  PolicyRow,
  | 'title'
  | 'docNumber'
  | 'issuer'
  | 'level'
  | 'category'
  | 'summary'
  | 'body'
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'eligibility'
  | 'relatedServiceIds'
  | 'supersedesId'
>

// ---- search index -----------------------------------------------------------------------------------------------

/** Writes a policy's token streams into policy_search and policy_brief_search, replacing what was there. */
async function indexPolicy(
  tx: Conn,
  rowid: number,
  p: Pick<PolicyRow, 'title' | 'docNumber' | 'issuer' | 'summary' | 'body'>
) {
  const postgres = postgresClientOf(tx)
  if (postgres) return indexPolicyPostgres(postgres, rowid, p)
  const title = indexStream(p.title)
  const docNumber = indexStream(p.docNumber)
  const summary = indexStream(p.summary)
  await deleteSearchRows(tx, rowid)
  await query(
    tx,
    'INSERT INTO policy_search (rowid, title, doc_number, issuer, summary, body) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(rowid, title, docNumber, indexStream(p.issuer), summary, indexStream(p.body))
  await query(tx, 'INSERT INTO policy_brief_search (rowid, title, doc_number, summary) VALUES (?, ?, ?, ?)').run(
    rowid,
    title,
    docNumber,
    summary
  )
}

/** Removes a policy's rows from both search tables. */
async function deleteSearchRows(tx: Conn, rowid: number) {
  const postgres = postgresClientOf(tx)
  if (postgres) return removePolicyFromSearchPostgres(postgres, rowid)
  await query(tx, 'DELETE FROM policy_search WHERE rowid = ?').run(rowid)
  await query(tx, 'DELETE FROM policy_brief_search WHERE rowid = ?').run(rowid)
}

/** Every transaction that changes policies bumps this, so search catalogs held in memory know to reload. */
async function bumpSearchVersion(tx: Conn) {
  await tx
    .update(policySearchState)
    .set({ version: sql`${policySearchState.version} + 1` })
    .where(eq(policySearchState.id, 1))
}

async function nextSearchRowid(tx: Conn): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${policies.searchRowid}), 0) + 1` }).from(policies)
  return row!.n
}

export async function searchVersion(db: Db): Promise<number> {
  return (await query(db, 'SELECT version FROM policy_search_state WHERE id = 1').value<number>()) ?? 0
}

export type CatalogRow = Pick<
  PolicyRow,
  | 'id'
  | 'workflow'
  | 'category'
  | 'level'
  | 'effectiveFrom'
  | 'effectiveTo'
  | 'repealedAt'
  | 'supersededFrom'
  | 'authorId'
  | 'updatedAt'
> & { rowid: number }

/**
 * What ranking and filtering need of every policy, whatever its workflow state. Read from the covering index
 * policies_catalog_idx: from the table it would mean reading past every body.
 */
export async function listCatalogRows(db: Db): Promise<CatalogRow[]> {
  return query<CatalogRow>(
    db,
    `SELECT search_rowid AS rowid, id, workflow, category, level, effective_from AS effectiveFrom,
            effective_to AS effectiveTo, repealed_at AS repealedAt, superseded_from AS supersededFrom,
            author_id AS authorId, updated_at AS updatedAt
       FROM policies INDEXED BY policies_catalog_idx`
  ).all()
}

/** Where a token is looked up: anywhere in a policy, in its title/document number/summary, or title/number only. */
export type PostingSource = 'all' | 'brief' | 'title'

/**
 * The search rows holding one token, ascending. The token is double-quoted (quotes doubled), so it is always a
 * plain string to FTS5, never syntax. group_concat hands the list over as one string, several times faster than a
 * JS row per match when a common token is in most policies.
 */
export async function tokenRowids(db: Db, source: PostingSource, token: string): Promise<Int32Array> {
  const table = source === 'all' ? 'policy_search' : 'policy_brief_search'
  const quoted = `"${token.replaceAll('"', '""')}"`
  const list = await query(
    db,
    `SELECT group_concat(rowid) FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid)`
  ).value<string | null>(source === 'title' ? `{title doc_number} : ${quoted}` : quoted)
  return parseIdList(list ?? null)
}

// ---- reads ------------------------------------------------------------------------------------------------------

// Names by subquery rather than joins on aliases of users: drizzle's PostgreSQL dialect drops the table name of a
// joined SQLite alias (`JOIN "authors"`), so an aliased join would not run there.
const withNames = {
  policy: policies,
  authorName: sql<string>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${policies.authorId})`,
  approverName: sql<
    string | null
  >`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${policies.approverId})`
}

export type PolicyWithNames = { policy: PolicyRow; authorName: string; approverName: string | null }

export async function findPolicy(db: Db, id: string): Promise<PolicyWithNames | null> {
  const [row] = await db.select(withNames).from(policies).where(eq(policies.id, id))
  return row ?? null
}

/** The fields a list of policies shows. */
export type ListField =
  'id' | 'title' | 'docNumber' | 'issuer' | 'level' | 'category' | 'summary' | 'effectiveFrom' | 'effectiveTo'

/** What a page of search results shows of each policy. */
export type PageRow = Pick<PolicyRow, ListField | 'workflow' | 'authorId' | 'updatedAt'> & {
  authorName: string
  /** The Markdown body as UTF-8 bytes, only when asked for (snippets): decoding whole bodies is slow. */
  bodyBytes?: Buffer
}

const PAGE_COLUMNS = `p.id, p.title, p.doc_number AS docNumber, p.issuer, p.level, p.category, p.summary,
  p.effective_from AS effectiveFrom, p.effective_to AS effectiveTo, p.workflow, p.author_id AS authorId,
  p.updated_at AS updatedAt, u.display_name AS authorName`

/** The rows of one page of results (prepared: this runs on every search). */
export async function findPageRows(db: Db, ids: string[], withBody: boolean): Promise<PageRow[]> {
  if (ids.length === 0) return []
  const text = (bytes: string) =>
    `SELECT ${withBody ? `${PAGE_COLUMNS}, ${bytes} AS bodyBytes` : PAGE_COLUMNS}
       FROM policies p JOIN users u ON u.id = p.author_id WHERE p.id IN (SELECT value FROM json_each(?))`
  // PostgreSQL has no BLOB type: convert_to gives the body's UTF-8 bytes as bytea, read back as a Buffer too.
  return query<PageRow>(db, text('CAST(p.body AS BLOB)'), text(`convert_to(p.body, 'UTF8')`)).all(JSON.stringify(ids))
}

export async function findRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .select({ id: policies.id, title: policies.title, docNumber: policies.docNumber, workflow: policies.workflow })
    .from(policies)
    .where(inArray(policies.id, ids))
}

/** Published policies that are not repealed: the candidates for "what applies to me". */
export async function listPublishedUnrepealed(db: Db) {
  return db
    .select()
    .from(policies)
    .where(and(eq(policies.workflow, 'published'), isNull(policies.repealedAt)))
}

// ---- writes -----------------------------------------------------------------------------------------------------

/** A new draft, its search row and its audit entry, together. */
export async function insertDraft(db: Db, row: NewPolicyRow, audit: AuditEntryInput) {
  await groupCommit(db, async (tx) => {
    const searchRowid = await nextSearchRowid(tx)
    await tx.insert(policies).values({ ...row, searchRowid })
    await indexPolicy(tx, searchRowid, row)
    await bumpSearchVersion(tx)
    await insertAudit(tx, audit, row.createdAt)
  })
}

export type DraftUpdate = 'updated' | 'not_found' | 'not_author' | 'not_draft'

/** Replaces a draft's content; only its author may, and only while it is a draft (checked in the transaction). */
export async function updateDraft(
  db: Db,
  id: string,
  authorId: string,
  content: PolicyContent,
  audit: AuditEntryInput
) {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx): Promise<DraftUpdate> => {
    const [current] = await tx.select().from(policies).where(eq(policies.id, id))
    if (!current) return 'not_found'
    if (current.authorId !== authorId) return 'not_author'
    if (current.workflow !== 'draft') return 'not_draft'
    await tx
      .update(policies)
      .set({ ...content, updatedAt: now })
      .where(eq(policies.id, id))
    await indexPolicy(tx, current.searchRowid, content)
    await bumpSearchVersion(tx)
    await insertAudit(tx, audit, now)
    return 'updated'
  })
}

export type Transition = 'done' | 'not_found' | 'invalid_state' | 'not_author' | 'self_approval' | 'supersede_conflict'

interface TransitionRule {
  from: PolicyRow['workflow']
  /** Refuses the step for this row, or null to go ahead. */
  refuse?: (
    row: PolicyRow,
    tx: Conn
  ) => Exclude<Transition, 'done'> | null | Promise<Exclude<Transition, 'done'> | null>
  change: (row: PolicyRow, now: string) => Partial<PolicyRow>
  /** Further writes of the same step (the superseded policy), with their own audit entries. */
  alsoDo?: (row: PolicyRow, tx: Conn, now: string) => void | Promise<void>
}

/** One workflow step: check the state and the rule, change the row, audit — all in one transaction. */
function transition(db: Db, id: string, rule: TransitionRule, audit: AuditEntryInput): Promise<Transition> {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx): Promise<Transition> => {
    const [row] = await tx.select().from(policies).where(eq(policies.id, id))
    if (!row) return 'not_found'
    if (row.workflow !== rule.from) return 'invalid_state'
    const refused = await rule.refuse?.(row, tx)
    if (refused) return refused
    await tx
      .update(policies)
      .set({ ...rule.change(row, now), updatedAt: now })
      .where(and(eq(policies.id, id), eq(policies.workflow, rule.from)))
    await rule.alsoDo?.(row, tx, now)
    await bumpSearchVersion(tx)
    await insertAudit(tx, audit, now)
    return 'done'
  })
}

export async function submitPolicy(db: Db, id: string, actorId: string, audit: AuditEntryInput) {
  return transition(
    db,
    id,
    {
      from: 'draft',
      refuse: (row) => (row.authorId === actorId ? null : 'not_author'),
      change: (_row, now) => ({ workflow: 'pending', submittedAt: now, reviewNote: null })
    },
    audit
  )
}

export async function returnToDraft(db: Db, id: string, note: string, audit: AuditEntryInput) {
  return transition(
    db,
    id,
    { from: 'pending', change: () => ({ workflow: 'draft', submittedAt: null, reviewNote: note }) },
    audit
  )
}

/**
 * Publishes a pending policy. The approver must not be its author. If it supersedes an older policy, that one must
 * still be published, unrepealed and not already superseded; it then links to this one and stops being in force
 * from this one's effectiveFrom.
 */
export async function approvePolicy(db: Db, id: string, approverId: string, audit: AuditEntryInput) {
  const supersedable = async (tx: Conn, oldId: string) => {
    const [row] = await tx
      .select({ id: policies.id })
      .from(policies)
      .where(
        and(
          eq(policies.id, oldId),
          eq(policies.workflow, 'published'),
          isNull(policies.repealedAt),
          isNull(policies.supersededById)
        )
      )
    return row
  }
  return transition(
    db,
    id,
    {
      from: 'pending',
      refuse: async (row, tx) => {
        if (row.authorId === approverId) return 'self_approval'
        if (row.supersedesId && !(await supersedable(tx, row.supersedesId))) return 'supersede_conflict'
        return null
      },
      change: (_row, now) => ({ workflow: 'published', approverId, publishedAt: now, reviewNote: null }),
      alsoDo: async (row, tx, now) => {
        if (!row.supersedesId) return
        await tx
          .update(policies)
          .set({ supersededById: row.id, supersededFrom: row.effectiveFrom, updatedAt: now })
          .where(eq(policies.id, row.supersedesId))
        await insertAudit(
          tx,
          {
            actorId: approverId,
            actorRole: audit.actorRole ?? null,
            action: 'policy.superseded',
            entity: 'policy',
            entityId: row.supersedesId,
            detail: { supersededBy: row.id, from: row.effectiveFrom }
          },
          now
        )
      }
    },
    audit
  )
}

export async function repealPolicy(db: Db, id: string, actorId: string, reason: string | null, audit: AuditEntryInput) {
  return transition(
    db,
    id,
    {
      from: 'published',
      refuse: (row) => (row.repealedAt ? 'invalid_state' : null),
      change: (_row, now) => ({ repealedAt: now, repealedBy: actorId, repealReason: reason })
    },
    audit
  )
}

export type DraftDeletion = 'deleted' | 'not_found' | 'not_author' | 'not_draft'

/**
 * Deletes a draft with its search rows, audited. Only its author or an admin may, and only while it is a draft:
 * checked inside the transaction, so a submit or approval at the same moment either comes first (and the draft is
 * no longer one) or finds nothing.
 */
export async function deleteDraft(
  db: Db,
  id: string,
  actor: { userId: string; isAdmin: boolean },
  audit: (row: PolicyRow) => AuditEntryInput
) {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx): Promise<DraftDeletion> => {
    const [row] = await tx.select().from(policies).where(eq(policies.id, id))
    if (!row) return 'not_found'
    if (row.authorId !== actor.userId && !actor.isAdmin) return 'not_author'
    if (row.workflow !== 'draft') return 'not_draft'
    await tx.delete(policies).where(and(eq(policies.id, id), eq(policies.workflow, 'draft')))
    await deleteSearchRows(tx, row.searchRowid)
    await bumpSearchVersion(tx)
    await insertAudit(tx, audit(row), now)
    return 'deleted'
  })
}

/**
 * Merges the FTS5 indexes into one b-tree each (PostgreSQL: merges the GIN indexes' pending lists). Every write
 * transaction adds a small segment and FTS5 merges them only gradually, so after a bulk load (demo data, an import)
 * a query would read dozens of segments per token.
 */
export async function optimizeSearchIndex(db: Db) {
  const postgres = postgresClientOf(db)
  if (postgres) return optimizeSearchIndexPostgres(postgres)
  await query(db, `INSERT INTO policy_search (policy_search) VALUES ('optimize')`).run()
  await query(db, `INSERT INTO policy_brief_search (policy_brief_search) VALUES ('optimize')`).run()
}

/** Loads published policies in one transaction (demo data, benchmarks): no workflow, no audit. */
export async function insertPublished(db: Db, rows: NewPolicyRow[]) {
  await groupCommit(db, async (tx) => {
    let searchRowid = await nextSearchRowid(tx)
    for (const row of rows) {
      await tx.insert(policies).values({ ...row, searchRowid })
      await indexPolicy(tx, searchRowid, row)
      searchRowid++
    }
    await bumpSearchVersion(tx)
  })
}

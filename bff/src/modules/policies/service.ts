import type {
  PolicyDetail,
  PolicyListItem,
  PolicyQuery,
  PolicyRef,
  PolicySearchResult,
  PolicyValidity
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError } from '../../lib/app-error'
import { shanghaiDate } from '../../lib/time'
import * as repo from './repo'
import { searchStoreOf } from './search/store-of'
import { runSearch, searchRequest, type SearchOutcome } from './search/engine'
import { makeSnippet } from './search/snippet'
import { validityOn } from './validity'

type Row = repo.PolicyRow

export function validityOfRow(row: Row, today: string = shanghaiDate()): PolicyValidity {
  return validityOn({ ...row, repealed: row.repealedAt !== null }, today)
}

export function toListItem(row: Pick<Row, repo.ListField>, validity: PolicyValidity): PolicyListItem {
  return {
    id: row.id,
    title: row.title,
    docNumber: row.docNumber,
    issuer: row.issuer,
    level: row.level,
    category: row.category,
    summary: row.summary,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    validity
  }
}

/** A page of search hits with their rows loaded and, for a query, their snippets (only the page's, never all matches'). */
export async function loadPage<T>(
  ctx: Ctx,
  outcome: SearchOutcome,
  map: (row: repo.PageRow, hit: SearchOutcome['hits'][number]) => T
) {
  const ids = outcome.hits.map((h) => h.entry.id)
  const rows = new Map((await repo.findPageRows(ctx.db, ids, outcome.query !== null)).map((r) => [r.id, r]))
  return outcome.hits.flatMap((hit) => {
    const row = rows.get(hit.entry.id)
    return row ? [map(row, hit)] : []
  })
}

export function snippetFor(row: repo.PageRow, outcome: SearchOutcome): { snippet?: string } {
  if (!outcome.query) return {}
  return { snippet: makeSnippet(row.summary, row.bodyBytes ?? Buffer.alloc(0), outcome.query.needles) }
}

/** The response around a page of items: total, facets, and whether the query was relaxed. */
export function resultOf<T>(outcome: SearchOutcome, items: T[]) {
  return { items, total: outcome.total, facets: outcome.facets, ...(outcome.relaxed ? { relaxed: true } : {}) }
}

/** GET /policies: published policies only, in force unless asked otherwise. */
export async function searchPolicies(
  ctx: Ctx,
  query: PolicyQuery,
  today: string = shanghaiDate()
): Promise<PolicySearchResult> {
  const outcome = await runSearch(searchStoreOf(ctx.db), searchRequest(query, 'in_force', { kind: 'public' }, today))
  return resultOf(
    outcome,
    await loadPage(ctx, outcome, (row, hit) => ({ ...toListItem(row, hit.validity), ...snippetFor(row, outcome) }))
  )
}

/** The older and newer policy a policy is linked to, where the reader may see them. */
export async function linkedRefs(ctx: Ctx, row: Row, publishedOnly: boolean) {
  const ids = [row.supersedesId, row.supersededById].filter((id): id is string => !!id)
  const refs = new Map((await repo.findRefs(ctx.db, ids)).map((r) => [r.id, r]))
  const ref = (id: string | null): PolicyRef | undefined => {
    const found = id ? refs.get(id) : undefined
    if (!found || (publishedOnly && found.workflow !== 'published')) return undefined
    return { id: found.id, title: found.title, docNumber: found.docNumber }
  }
  const supersedes = ref(row.supersedesId)
  const supersededBy = ref(row.supersededById)
  return { ...(supersedes ? { supersedes } : {}), ...(supersededBy ? { supersededBy } : {}) }
}

export async function toDetail(ctx: Ctx, row: Row, publishedOnly: boolean): Promise<PolicyDetail> {
  return {
    ...toListItem(row, validityOfRow(row)),
    body: row.body,
    eligibility: row.eligibility ?? null,
    ...(await linkedRefs(ctx, row, publishedOnly)),
    relatedServiceIds: row.relatedServiceIds,
    publishedAt: row.publishedAt,
    repealedAt: row.repealedAt
  }
}

/** GET /policies/:id: a published policy; drafts and pending ones do not exist for readers. */
export async function getPolicy(ctx: Ctx, id: string): Promise<PolicyDetail> {
  const found = await repo.findPolicy(ctx.db, id)
  if (!found || found.policy.workflow !== 'published') throw new AppError('NOT_FOUND')
  return toDetail(ctx, found.policy, true)
}

import {
  POLICY_LEVEL_CODES,
  POLICY_VALIDITY_CODES,
  TOPIC_CODES,
  type PolicyLevel,
  type PolicyValidity,
  type StaffPolicyValidityFilter,
  type PolicyWorkflow,
  type Topic
} from '@veterans/shared'
import { AppError } from '../../../lib/app-error'
import { VALIDITY_RANK, validityAccepts } from '../validity'
import { policyCatalog, type Catalog, type CatalogEntry } from './catalog'
import { matchQuery, type Scope } from './postings'
import { MAX_TERMS, parseQuery, searchTerms, type CompiledQuery } from './query'
import type { SearchStore } from './store'
import { synonyms } from './synonyms'

export interface SearchRequest {
  q?: string
  category?: Topic
  level?: PolicyLevel
  validity: StaffPolicyValidityFilter
  limit: number
  offset: number
  /** Residents see published policies only; staff see every state, optionally one, optionally only their own. */
  audience: { kind: 'public' } | { kind: 'staff'; workflow?: PolicyWorkflow; authorId?: string }
  today: string
}

export interface SearchHit {
  entry: CatalogEntry
  validity: PolicyValidity
}

export interface SearchOutcome {
  hits: SearchHit[]
  total: number
  facets: { category: Record<string, number>; level: Record<string, number> }
  /** The query that matched, for snippets; null without a query. */
  query: CompiledQuery | null
  relaxed: boolean
}

/** A search request from a route's query string, with the route's default validity. */
export function searchRequest(
  query: {
    q?: string
    category?: Topic
    level?: PolicyLevel
    validity?: StaffPolicyValidityFilter
    limit?: number
    offset?: number
  },
  defaultValidity: StaffPolicyValidityFilter,
  audience: SearchRequest['audience'],
  today: string
): SearchRequest {
  const { q, category, level, validity = defaultValidity, limit = 20, offset = 0 } = query
  return { q, category, level, validity, limit, offset, audience, today }
}

const emptyFacets = (): SearchOutcome['facets'] => ({ category: {}, level: {} })

/**
 * Finds policies: matches the query in the store's index (FTS5, PostgreSQL's GIN), keeps what the audience may see,
 * counts facets and returns one page in this order: in force, not yet in force, expired or superseded, repealed;
 * within each, policies whose title or document number holds the whole query, then those whose summary does (with
 * the title), then body-only hits; then newest first. (bm25 is not used: FTS5 works out its idf by reading every
 * doclist of the query in full, which costs tens of milliseconds for common words on a large corpus, whatever the
 * number of matches.)
 */
export async function runSearch(store: SearchStore, request: SearchRequest): Promise<SearchOutcome> {
  const q = request.q?.trim() ?? ''
  const catalog = await policyCatalog(store)
  const isVisible = visibilityOf(request.audience)
  let query: CompiledQuery | null = null
  let relaxed = false
  let rowids: Int32Array | null = null
  if (q) {
    if (searchTerms(q).length > MAX_TERMS) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'querystring.q', message: `搜索词不能超过 ${MAX_TERMS} 个` }]
      })
    }
    const parsed = parseQuery(q, synonyms())
    if (!parsed.strict) return { hits: [], total: 0, facets: emptyFacets(), query: null, relaxed: false }
    query = parsed.strict
    rowids = await matchQuery(store, scopeOf(catalog), query, 'all')
    const wordByWord = rowids.some((r) => isVisible(catalog.byRowid[r])) ? null : parsed.relaxed()
    if (wordByWord) {
      query = wordByWord
      relaxed = true
      rowids = await matchQuery(store, scopeOf(catalog), query, 'all')
    }
  }

  // One pass: visibility, validity filter, facet counts (each facet ignores its own filter), the entries kept.
  const validities = catalog.validitiesOn(request.today)
  const accepted = POLICY_VALIDITY_CODES.map((v) => validityAccepts(request.validity, v))
  const category = request.category ? TOPIC_CODES.indexOf(request.category) : -1
  const level = request.level ? POLICY_LEVEL_CODES.indexOf(request.level) : -1
  const categoryCounts = new Int32Array(TOPIC_CODES.length)
  const levelCounts = new Int32Array(POLICY_LEVEL_CODES.length)
  const kept: CatalogEntry[] = []
  const consider = (entry: CatalogEntry | undefined) => {
    if (!isVisible(entry) || !accepted[validities[entry.index]!]) return
    const categoryOk = category < 0 || entry.categoryCode === category
    const levelOk = level < 0 || entry.levelCode === level
    if (levelOk) categoryCounts[entry.categoryCode]!++
    if (categoryOk) levelCounts[entry.levelCode]!++
    if (categoryOk && levelOk) kept.push(entry)
  }
  if (rowids) for (const rowid of rowids) consider(catalog.byRowid[rowid])
  else for (const entry of catalog.entries) consider(entry)

  const sortKey = await sortKeys(store, catalog, kept, request, query)
  const top = firstK(kept, request.offset + request.limit, (a, b) => sortKey(a) - sortKey(b) || b.rowid - a.rowid)
  return {
    hits: top
      .slice(request.offset)
      .map((entry) => ({ entry, validity: POLICY_VALIDITY_CODES[validities[entry.index]!]! })),
    total: kept.length,
    facets: {
      category: countsByName(categoryCounts, TOPIC_CODES),
      level: countsByName(levelCounts, POLICY_LEVEL_CODES)
    },
    query,
    // Said only when the words matched apart found something: over no results it would be a second message.
    relaxed: relaxed && kept.length > 0
  }
}

function visibilityOf(audience: SearchRequest['audience']): (entry: CatalogEntry | undefined) => entry is CatalogEntry {
  if (audience.kind === 'public') return (e): e is CatalogEntry => e?.workflow === 'published'
  return (e): e is CatalogEntry =>
    !!e &&
    (!audience.workflow || e.workflow === audience.workflow) &&
    (!audience.authorId || e.authorId === audience.authorId)
}

const scopeOf = (catalog: Catalog): Scope => ({ version: catalog.version, words: (catalog.byRowid.length >>> 5) + 1 })

const NEWEST = 99_999_999

/**
 * A number per entry, smaller first: validity rank, then where the query matched (title or document number,
 * summary, body), then newest. Staff lists without a query: most recently edited first.
 */
async function sortKeys(
  store: SearchStore,
  catalog: Catalog,
  kept: CatalogEntry[],
  request: SearchRequest,
  query: CompiledQuery | null
) {
  const validities = catalog.validitiesOn(request.today)
  const rank = (e: CatalogEntry) => VALIDITY_RANK[POLICY_VALIDITY_CODES[validities[e.index]!]!]
  if (!query) {
    if (request.audience.kind === 'staff') return (e: CatalogEntry) => -Date.parse(e.updatedAt)
    return (e: CatalogEntry) => rank(e) * 1e8 + NEWEST - e.effectiveKey
  }
  const tier = new Uint8Array(catalog.entries.length).fill(2)
  if (kept.length > 0) {
    for (const rowid of await matchQuery(store, scopeOf(catalog), query, 'brief')) {
      const entry = catalog.byRowid[rowid]
      if (entry) tier[entry.index] = 1
    }
    for (const rowid of await matchQuery(store, scopeOf(catalog), query, 'title')) {
      const entry = catalog.byRowid[rowid]
      if (entry) tier[entry.index] = 0
    }
  }
  return (e: CatalogEntry) => (rank(e) * 3 + tier[e.index]!) * 1e8 + NEWEST - e.effectiveKey
}

function countsByName(counts: Int32Array, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  counts.forEach((n, i) => {
    if (n > 0) out[names[i]!] = n
  })
  return out
}

/** The first k items in order, without sorting all of them when k is small (a page of a large match set). */
export function firstK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return []
  if (k * 8 >= items.length) return [...items].sort(compare).slice(0, k)
  const top: T[] = []
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compare(item, top[mid]!) < 0) hi = mid
      else lo = mid + 1
    }
    top.splice(lo, 0, item)
    if (top.length > k) top.pop()
  }
  return top
}

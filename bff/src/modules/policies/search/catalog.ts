import {
  POLICY_LEVEL_CODES,
  POLICY_VALIDITY_CODES,
  TOPIC_CODES,
  type PolicyLevel,
  type PolicyWorkflow,
  type Topic
} from '@veterans/shared'
import { validityOn, type ValidityFacts } from '../validity'
import type { SearchStore } from './store'

/** What filtering, facets and ranking need of one policy; categories, levels and dates also as small numbers. */
export interface CatalogEntry extends ValidityFacts {
  /** Position in Catalog.entries. */
  index: number
  rowid: number
  id: string
  workflow: PolicyWorkflow
  category: Topic
  level: PolicyLevel
  categoryCode: number
  levelCode: number
  /** effectiveFrom as the number YYYYMMDD, for ordering newest first. */
  effectiveKey: number
  authorId: string
  updatedAt: string
}

export interface Catalog {
  version: number
  entries: CatalogEntry[]
  /** Entry by search rowid (rowids are small, dense integers). */
  byRowid: (CatalogEntry | undefined)[]
  /** Each entry's validity on a day as an index into POLICY_VALIDITY_CODES, by entry index; worked out once per day. */
  validitiesOn(day: string): Uint8Array
}

/**
 * Filters, facet counts and ordering run over a small in-memory table of every policy instead of joining each FTS
 * match back to `policies` in SQL, which costs more than the whole search budget when a common word matches most
 * of the corpus. The table is reloaded whenever policy_search_state.version moved (every policy write bumps it,
 * in whichever process), so it is never stale for longer than one write.
 */
const catalogs = new WeakMap<SearchStore, Catalog>()

export async function policyCatalog(store: SearchStore): Promise<Catalog> {
  const version = await store.version()
  const cached = catalogs.get(store)
  if (cached?.version === version) return cached
  const entries: CatalogEntry[] = (await store.catalogRows()).map((row, index) => ({
    index,
    rowid: row.rowid,
    id: row.id,
    workflow: row.workflow,
    category: row.category,
    level: row.level,
    categoryCode: TOPIC_CODES.indexOf(row.category),
    levelCode: POLICY_LEVEL_CODES.indexOf(row.level),
    effectiveKey: Number(row.effectiveFrom.replaceAll('-', '')),
    authorId: row.authorId,
    updatedAt: row.updatedAt,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    repealed: row.repealedAt !== null,
    supersededFrom: row.supersededFrom
  }))
  const byRowid: (CatalogEntry | undefined)[] = []
  for (const entry of entries) byRowid[entry.rowid] = entry
  let memo: { day: string; codes: Uint8Array } | null = null
  const validitiesOn = (day: string) => {
    if (memo?.day !== day)
      memo = { day, codes: Uint8Array.from(entries, (e) => POLICY_VALIDITY_CODES.indexOf(validityOn(e, day))) }
    return memo.codes
  }
  const catalog: Catalog = { version, entries, byRowid, validitiesOn }
  catalogs.set(store, catalog)
  return catalog
}

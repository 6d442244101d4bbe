import type { CatalogRow, PostingSource } from '../repo'

export type { CatalogRow, PostingSource }

/**
 * Everything the search engine reads from the database: the dialect-specific part of policy search. The engine,
 * the catalog and the posting-list caches are the same for every database and keep their caches per store, so a
 * store stands for one database (one connection or pool) and lives as long as it.
 */
export interface SearchStore {
  /** policy_search_state.version: moves with every policy write, in whichever process. */
  version(): Promise<number>
  /** What ranking and filtering need of every policy, whatever its workflow state. */
  catalogRows(): Promise<CatalogRow[]>
  /** The search rowids of the policies holding one token in `source`, ascending. */
  tokenRowids(source: PostingSource, token: string): Promise<Int32Array>
}

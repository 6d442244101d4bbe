import { perConnection } from '../../../db/client'
import * as repo from '../repo'
import type { SearchStore } from './store'

/** Policy search over SQLite's FTS5 tables (migrations 0004/0005): one store per connection, so caches survive. */
export const sqliteSearchStore = perConnection((db): SearchStore => ({
  version: () => repo.searchVersion(db),
  catalogRows: () => repo.listCatalogRows(db),
  tokenRowids: (source, token) => repo.tokenRowids(db, source, token)
}))

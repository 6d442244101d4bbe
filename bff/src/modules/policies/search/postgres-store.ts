import { parseIdList } from './id-list'
import type { PgQueryable } from './postgres-index'
import type { CatalogRow, SearchStore } from './store'

/**
 * Policy search over PostgreSQL (migrations-pg/0004): the same engine, catalog and caches as on SQLite, with the
 * posting list of a token read from a GIN index over tsvector columns of exact tokens.
 *
 * Why GIN and not an inverted table (token, rowid) read by index-only scans: measured at 20,000 policies of about
 * 1,000 distinct tokens each, the list of a token every policy holds costs about the same either way (~3 ms from
 * GIN and a pass over the narrow rows, ~2.5 ms from the B-tree), but the inverted table is 20 million rows, 1.4 GB
 * with its index and ~45 s to build, against 300 MB for the tsvectors (250 MB, compressed, out of line) and their
 * GIN indexes (50 MB); and each policy write would touch a thousand rows instead of one. GIN keeps each token's
 * posting list compressed, which is what this needs.
 *
 * Each store keeps its own catalog and posting lists (see catalog.ts, postings.ts): make one per pool and keep it.
 */
export function postgresSearchStore(pool: PgQueryable): SearchStore {
  return {
    async version() {
      const { rows } = await pool.query<{ version: number }>({
        name: 'policy-search-version',
        text: 'SELECT version FROM policy_search_state WHERE id = 1'
      })
      return rows[0]?.version ?? 0
    },
    async catalogRows() {
      const { rows } = await pool.query<CatalogRow>(
        `SELECT search_rowid AS rowid, id, workflow, category, level, effective_from AS "effectiveFrom",
                effective_to AS "effectiveTo", repealed_at AS "repealedAt", superseded_from AS "supersededFrom",
                author_id AS "authorId", updated_at AS "updatedAt"
           FROM policies`
      )
      return rows
    },
    async tokenRowids(source, token) {
      const { rows } = await pool.query<{ list: string | null }>({
        name: 'policy-search-rowids',
        text: 'SELECT policy_search_rowids($1, $2) AS list',
        values: [source, token]
      })
      return ascending(parseIdList(rows[0]?.list ?? null))
    }
  }
}

/** The list in ascending order: usually already so (rows lie in rowid order until policies are rewritten). */
function ascending(ids: Int32Array): Int32Array {
  for (let i = 1; i < ids.length; i++) if (ids[i]! < ids[i - 1]!) return ids.sort()
  return ids
}

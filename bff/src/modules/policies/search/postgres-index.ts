import type pg from 'pg'
import type { PolicyRow } from '../repo'
import { indexStream } from './text'

/** A connection, a pool or a transaction's client: the writes below join whatever transaction it is in. */
export type PgQueryable = pg.Pool | pg.ClientBase

export type SearchFields = Pick<PolicyRow, 'title' | 'docNumber' | 'issuer' | 'summary' | 'body'>

/** The distinct tokens of some fields, space-separated: the streams SQLite's FTS5 tables get (text.ts), merged. */
function streamOf(...texts: string[]): string {
  const tokens = new Set<string>()
  for (const text of texts) for (const token of indexStream(text).split(' ')) if (token) tokens.add(token)
  return [...tokens].join(' ')
}

/**
 * Writes policies' tokens into policy_search (migrations-pg/0004), replacing what was there, in one statement. The
 * streams are split on spaces (tokens never hold one) and made lexemes by array_to_tsvector, never parsed as text
 * search syntax, so every token is one lexeme exactly as it is.
 */
export async function indexPoliciesPostgres(
  client: PgQueryable,
  policies: { rowid: number; fields: SearchFields }[]
): Promise<void> {
  if (policies.length === 0) return
  await client.query(
    `INSERT INTO policy_search (search_rowid, all_tokens, brief_tokens, title_tokens)
     SELECT rowid, array_to_tsvector(string_to_array(all_stream, ' ')),
            array_to_tsvector(string_to_array(brief_stream, ' ')), array_to_tsvector(string_to_array(title_stream, ' '))
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS s(rowid, all_stream, brief_stream, title_stream)
     ON CONFLICT (search_rowid) DO UPDATE SET all_tokens = excluded.all_tokens,
       brief_tokens = excluded.brief_tokens, title_tokens = excluded.title_tokens`,
    [
      policies.map((p) => p.rowid),
      policies.map(({ fields: f }) => streamOf(f.title, f.docNumber, f.issuer, f.summary, f.body)),
      policies.map(({ fields: f }) => streamOf(f.title, f.docNumber, f.summary)),
      policies.map(({ fields: f }) => streamOf(f.title, f.docNumber))
    ]
  )
}

/** Writes one policy's tokens (see indexPoliciesPostgres); joins the transaction `client` is in. */
export async function indexPolicyPostgres(client: PgQueryable, rowid: number, fields: SearchFields): Promise<void> {
  await indexPoliciesPostgres(client, [{ rowid, fields }])
}

/** Takes a policy out of the search index (deleting the policy row does it too: ON DELETE CASCADE). */
export async function removePolicyFromSearchPostgres(client: PgQueryable, rowid: number): Promise<void> {
  await client.query('DELETE FROM policy_search WHERE search_rowid = $1', [rowid])
}

/** Every transaction that changes policies bumps this, so search catalogs and caches held in memory reload. */
export async function bumpSearchVersionPostgres(client: PgQueryable): Promise<void> {
  await client.query('UPDATE policy_search_state SET version = version + 1 WHERE id = 1')
}

const REINDEX_BATCH = 200

/**
 * Indexes every policy of the policies table afresh (after a bulk copy from SQLite, say), in batches by rowid so
 * that bodies are never all in memory, then compacts the indexes and bumps the version.
 */
export async function reindexAllPoliciesPostgres(client: PgQueryable): Promise<number> {
  let count = 0
  for (let after = 0; ;) {
    const { rows } = await client.query<SearchFields & { rowid: number }>(
      `SELECT search_rowid AS rowid, title, doc_number AS "docNumber", issuer, summary, body
         FROM policies WHERE search_rowid > $1 ORDER BY search_rowid LIMIT ${REINDEX_BATCH}`,
      [after]
    )
    await indexPoliciesPostgres(
      client,
      rows.map((row) => ({ rowid: row.rowid, fields: row }))
    )
    count += rows.length
    if (rows.length < REINDEX_BATCH) break
    after = rows[rows.length - 1]!.rowid
  }
  await optimizeSearchIndexPostgres(client)
  await bumpSearchVersionPostgres(client)
  return count
}

/**
 * After a bulk load: GIN indexes take new entries into a pending list that every query also scans, until a vacuum
 * merges it; merging it now keeps the first queries as fast as the later ones. ANALYZE gives the planner the
 * table's size.
 */
export async function optimizeSearchIndexPostgres(client: PgQueryable): Promise<void> {
  for (const index of ['policy_search_all_idx', 'policy_search_brief_idx', 'policy_search_title_idx'])
    await client.query('SELECT gin_clean_pending_list($1::regclass)', [index])
  await client.query('ANALYZE policy_search')
}

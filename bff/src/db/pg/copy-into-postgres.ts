import type pg from 'pg'
import { reindexAllPoliciesPostgres } from '../../modules/policies/search/postgres-index'
import type { TablePlan } from './copy-plan'
import { CopyRefused, quote, type SqliteSnapshot } from './copy-source'
import { toPgParameter, ValueRefused, type SqliteValue } from './copy-values'

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000
const MAX_BATCH_ROWS = 5_000
/** Characters of values in one INSERT (bytea counted as its hex text): about 8 MB of parameter text. */
const MAX_BATCH_CHARS = 8 * 1024 * 1024

/**
 * Rows the PostgreSQL migrations write themselves (the one policy_search_state row, as SQLite's migration does).
 * A target holding only these is still empty; the copy replaces them with SQLite's.
 */
const ROWS_THE_MIGRATIONS_WRITE: Record<string, string> = { policy_search_state: 'id = 1 AND version = 0' }

export interface CopyOutcome {
  rows: number
  /** Policies put in PostgreSQL's own search index (SQLite's FTS5 tables are not copied: they are rebuilt). */
  policiesIndexed: number
  /** Identity columns moved past the copied ids, as `table.column → next value`. */
  sequences: string[]
}

/**
 * Copies every planned table in ONE transaction: a failure anywhere rolls it all back and leaves the target as
 * the migrations left it. The tables are locked against other writers for the duration, and the target must hold
 * no rows of its own. User triggers are off during the copy: the rows they would derive (the stats roll-up from
 * bookings) come from SQLite as they are, and a trigger firing on copied rows would count them twice.
 */
export async function copyIntoPostgres(
  client: pg.Client,
  snapshot: SqliteSnapshot,
  plans: TablePlan[],
  onTable: (table: string, rows: number) => void
): Promise<CopyOutcome> {
  await client.query('BEGIN')
  try {
    await client.query('SET LOCAL statement_timeout = 0')
    await client.query(`LOCK TABLE ${plans.map((plan) => quote(plan.name)).join(', ')} IN EXCLUSIVE MODE`)
    const occupied = await tablesWithRows(client, plans)
    if (occupied.length > 0) {
      const named = occupied.length > 4 ? `${occupied.slice(0, 4).join(', ')} and ${occupied.length - 4} more` : ''
      throw new CopyRefused(
        `The target already holds rows (in ${named || occupied.join(', ')}): copy into a new, empty database; ` +
          'nothing was written'
      )
    }
    for (const plan of plans) await client.query(`ALTER TABLE ${quote(plan.name)} DISABLE TRIGGER USER`)
    for (const [table, condition] of Object.entries(ROWS_THE_MIGRATIONS_WRITE))
      await client.query(`DELETE FROM ${quote(table)} WHERE ${condition}`)

    let rows = 0
    for (const plan of plans) {
      const copied = await copyTable(client, snapshot, plan)
      onTable(plan.name, copied)
      rows += copied
    }
    for (const plan of plans) await client.query(`ALTER TABLE ${quote(plan.name)} ENABLE TRIGGER USER`)
    const policiesIndexed = await rebuildPolicySearch(client)
    const sequences = await advanceSequences(client, snapshot, plans)
    await client.query('COMMIT')
    return { rows, policiesIndexed, sequences }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    if (error instanceof CopyRefused) throw error
    throw new Error(`${(error as Error).message} (rolled back: the target holds none of the copied rows)`, {
      cause: error
    })
  }
}

async function tablesWithRows(client: pg.Client, plans: TablePlan[]): Promise<string[]> {
  const probes = plans.map((plan) => {
    const migrations = ROWS_THE_MIGRATIONS_WRITE[plan.name]
    const own = migrations ? ` WHERE NOT (${migrations})` : ''
    return `SELECT '${plan.name}' AS name WHERE EXISTS (SELECT 1 FROM ${quote(plan.name)}${own})`
  })
  const result = await client.query<{ name: string }>(probes.join(' UNION ALL '))
  return result.rows.map((row) => row.name)
}

/**
 * Multi-row INSERTs of as many rows as the parameter limit allows, and of no more than about MAX_BATCH_CHARS of
 * values (a batch of large rows would otherwise be one message of hundreds of megabytes, held in memory twice);
 * the SQLite rows are read as they go. A value PostgreSQL would refuse or change stops the copy naming its row.
 */
async function copyTable(client: pg.Client, snapshot: SqliteSnapshot, plan: TablePlan): Promise<number> {
  const names = plan.columns.map((column) => column.name)
  const keyed = plan.primaryKey.length > 0
  // A table without a primary key is a rowid table: its rowid, read after the columns, finds a row again.
  const keyColumns = keyed ? plan.primaryKey : ['_rowid_']
  const keyAt = keyed ? plan.primaryKey.map((name) => names.indexOf(name)) : [names.length]
  const keyName = keyed ? keyColumns.join(', ') : "SQLite's rowid"
  const batchRows = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / names.length)))
  const fullBatch = insertStatement(plan.name, names, batchRows)
  let values: unknown[] = []
  let inBatch = 0
  let chars = 0
  let copied = 0
  let firstKey: unknown[] = []
  let lastKey: unknown[] = []

  const flush = async () => {
    // Named: PostgreSQL parses and plans the full-size statement once per table.
    const statement =
      inBatch === batchRows
        ? { name: `copy-${plan.name}`, text: fullBatch, values }
        : { text: insertStatement(plan.name, names, inBatch), values }
    try {
      await client.query(statement)
    } catch (error) {
      const keys = `${keyName} from ${formatKey(firstKey)} to ${formatKey(lastKey)}`
      throw new Error(
        `${plan.name}, rows ${copied + 1}–${copied + inBatch} read (${keys}): ${(error as Error).message}`,
        { cause: error }
      )
    }
    copied += inBatch
    values = []
    inBatch = 0
    chars = 0
  }

  for (const row of snapshot.rows(plan.name, names, [], !keyed) as Iterable<SqliteValue[]>) {
    const key = keyAt.map((i) => row[i])
    if (inBatch === 0) firstKey = key
    lastKey = key
    plan.columns.forEach((column, i) => {
      const value = row[i] ?? null
      try {
        values.push(
          toPgParameter(column.kind, value, () => snapshot.storedBytes(plan.name, column.name, keyColumns, key))
        )
      } catch (error) {
        if (!(error instanceof ValueRefused)) throw error
        throw new CopyRefused(
          `${plan.name}, the row with ${keyName} = ${formatKey(key)}, column ${column.name}: ` +
            `${error.message}. Nothing was copied (rolled back): correct the row in the SQLite file and run again`
        )
      }
      chars += typeof value === 'string' ? value.length : Buffer.isBuffer(value) ? value.length * 2 : 8
    })
    if (++inBatch === batchRows || chars >= MAX_BATCH_CHARS) await flush()
  }
  if (inBatch > 0) await flush()
  return copied
}

/** A row's key as a message gives it: the primary key's values (never another column's: it may be personal). */
function formatKey(key: unknown[]): string {
  const shown = key.map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)))
  return shown.length === 1 ? shown[0]! : `(${shown.join(', ')})`
}

function insertStatement(table: string, columns: string[], rows: number): string {
  const tuples: string[] = []
  for (let row = 0; row < rows; row++) {
    const first = row * columns.length
    tuples.push(`(${columns.map((_, i) => `$${first + i + 1}`).join(',')})`)
  }
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(',')}`
}

/**
 * PostgreSQL's policy search index (migrations-pg/0004) is built from the copied policies, as SQLite's FTS5 tables
 * were from the same policies. The index is new, the policies unchanged: the search version stays SQLite's (the
 * reindex bumps it), so the copy verifies equal table for table.
 */
async function rebuildPolicySearch(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM policy_search_state WHERE id = 1')
  const indexed = await reindexAllPoliciesPostgres(client)
  if (rows[0]) await client.query('UPDATE policy_search_state SET version = $1 WHERE id = 1', [rows[0].version])
  return indexed
}

/**
 * Identity columns continue after the copied ids, and after any id SQLite's AUTOINCREMENT handed out and whose
 * row is gone since: such ids are never reused.
 */
async function advanceSequences(client: pg.Client, snapshot: SqliteSnapshot, plans: TablePlan[]): Promise<string[]> {
  const copied = new Set(plans.map((plan) => plan.name))
  const identities = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns
     WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
     ORDER BY table_name, column_name`
  )
  const moved: string[] = []
  for (const { table_name: table, column_name: column, sequence } of identities.rows) {
    if (!copied.has(table) || !sequence) continue
    const result = await client.query<{ next: string }>(
      `SELECT setval($1, GREATEST((SELECT max(${quote(column)}) FROM ${quote(table)}), $2::bigint, 0) + 1, false)
       AS next`,
      [sequence, snapshot.autoincrementHighWater(table)]
    )
    moved.push(`${table}.${column} → ${result.rows[0]?.next}`)
  }
  return moved
}

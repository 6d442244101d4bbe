import type { Statement } from 'better-sqlite3'
import { statement, type Conn, type Db } from './client'
import { postgresClientOf } from './dialect'
import { toPostgres, valuesFor } from './pg/sql-text'

// Plain SQL for the hot paths, prepared once per connection (drizzle builds and prepares its SQL on every call,
// which costs several times more than running a simple query). Every answer is a promise, so a repository reads the
// same whichever database runs it; on SQLite the statement runs at once and the promise is already settled, which
// keeps a transaction's work inside one turn of the event loop (see group-commit.ts).

/** Positional values, or one object of named values (`@name` in the SQL). */
export type Params = unknown[]

export interface Query<R> {
  /** The first row, or undefined. */
  get(...params: Params): Promise<R | undefined>
  all(...params: Params): Promise<R[]>
  /** How many rows the statement changed. */
  run(...params: Params): Promise<number>
  /** The first column of the first row, or undefined. */
  value<V = unknown>(...params: Params): Promise<V | undefined>
  /** The first column of every row. */
  values<V = unknown>(...params: Params): Promise<V[]>
}

/**
 * The statement `text` on this connection (or the transaction running on it). On PostgreSQL, `text` is rewritten
 * (pg/sql-text.ts) unless `postgresText` gives the statement's PostgreSQL form (with the same `?` or `@name`
 * parameters).
 */
export function query<R = Record<string, unknown>>(db: Db | Conn, text: string, postgresText?: string): Query<R> {
  const postgres = postgresClientOf(db)
  if (postgres) return postgresQuery<R>(postgres, postgresText ?? text)
  const prepared = statement(db, text)
  return {
    get: (...params) => settled(() => prepared.get(...params) as R | undefined),
    all: (...params) => settled(() => prepared.all(...params) as R[]),
    run: (...params) => settled(() => prepared.run(...params).changes),
    value: <V>(...params: Params) => settled(() => plucked(prepared, () => prepared.get(...params) as V | undefined)),
    values: <V>(...params: Params) => settled(() => plucked(prepared, () => prepared.all(...params) as V[]))
  }
}

type PostgresClient = NonNullable<ReturnType<typeof postgresClientOf>>

function postgresQuery<R>(client: PostgresClient, sqliteText: string): Query<R> {
  const statement = toPostgres(sqliteText)
  const rows = async (params: Params) =>
    (await client.query({ name: statement.name, text: statement.text, values: valuesFor(statement, params) }))
      .rows as unknown[]
  const columns = async (params: Params) =>
    (
      await client.query({
        name: statement.name,
        text: statement.text,
        values: valuesFor(statement, params),
        rowMode: 'array'
      })
    ).rows as unknown[][]
  return {
    get: async (...params) => (await rows(params))[0] as R | undefined,
    all: async (...params) => (await rows(params)) as R[],
    run: async (...params) =>
      (await client.query({ name: statement.name, text: statement.text, values: valuesFor(statement, params) }))
        .rowCount ?? 0,
    value: async <V>(...params: Params) => (await columns(params))[0]?.[0] as V | undefined,
    values: async <V>(...params: Params) => (await columns(params)).map((row) => row[0] as V)
  }
}

function settled<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run())
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

function plucked<T>(prepared: Statement, run: () => T): T {
  if (!prepared.reader) return run()
  prepared.pluck(true)
  try {
    return run()
  } finally {
    prepared.pluck(false)
  }
}

/** Rows changed by a drizzle insert, update or delete (awaited), whichever database ran it. */
export function rowsChanged(result: unknown): number {
  const outcome = result as { changes?: number; rowCount?: number | null }
  return outcome.changes ?? outcome.rowCount ?? 0
}

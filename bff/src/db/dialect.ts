import type pg from 'pg'

// Which database a drizzle handle runs on. The repositories are written once against drizzle's builder and
// `query()`; the few places that differ (transactions, hand-written SQL, SQLite's cache stamps) ask here.

/** Handles on PostgreSQL: the pool's, and each transaction's, with the connection that runs their SQL. */
const postgresClients = new WeakMap<object, pg.Pool | pg.PoolClient>()

/** Each transaction's pool (the handle outside a transaction is the pool's own). */
const transactionPools = new WeakMap<object, pg.Pool>()

export function registerPostgres(db: object, client: pg.Pool | pg.PoolClient, pool?: pg.Pool) {
  postgresClients.set(db, client)
  if (pool) transactionPools.set(db, pool)
}

/** The pool a PostgreSQL handle draws on, in a transaction or outside one: what an app's handles share. */
export function postgresPoolOf(db: object): pg.Pool | undefined {
  const client = postgresClients.get(db)
  return transactionPools.get(db) ?? (client && 'totalCount' in client ? client : undefined)
}

export function isPostgres(db: object): boolean {
  return postgresClients.has(db)
}

/** The pool (outside a transaction) or the transaction's connection behind a PostgreSQL handle. */
export function postgresClientOf(db: object): pg.Pool | pg.PoolClient | undefined {
  return postgresClients.get(db)
}

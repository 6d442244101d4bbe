import pg from 'pg'

// The server's connections to PostgreSQL. Values come back as SQLite gives them, so that one repository reads the
// same rows on either database: JSON as its text (drizzle's JSON columns of the SQLite schema parse it), and counts
// and sums (bigint, numeric) as numbers rather than strings. Set for the whole process, once a server opens its
// pool: drizzle's node-postgres session gives each query its own type parsers, which fall back to pg's global ones.

let parsersSet = false

function readValuesAsSqliteDoes() {
  if (parsersSet) return
  parsersSet = true
  const asText = (value: string) => value
  pg.types.setTypeParser(pg.types.builtins.JSON, asText)
  pg.types.setTypeParser(pg.types.builtins.JSONB, asText)
  pg.types.setTypeParser(pg.types.builtins.INT8, Number)
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number)
}

export interface PoolOptions {
  /** Connections of this instance (PG_POOL_SIZE): every instance's together must stay under max_connections. */
  max: number
  onError: (error: Error) => void
}

export function openPool(connectionString: string, options: PoolOptions): pg.Pool {
  readValuesAsSqliteDoes()
  const pool = new pg.Pool({ connectionString, max: options.max, connectionTimeoutMillis: 10_000 })
  // An idle connection the server ends (restart, idle timeout) must not crash the process: the pool replaces it.
  pool.on('error', options.onError)
  return pool
}

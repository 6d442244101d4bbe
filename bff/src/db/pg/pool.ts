import pg from 'pg'

// The server's connections to PostgreSQL. Values come back as SQLite gives them, so that one repository reads the
// same rows on either database: JSON as its text (drizzle's JSON columns parse it, as on SQLite), and counts and
// sums (bigint, numeric) as numbers rather than strings.

const RAW_TEXT = new Set([114 /* json */, 3802 /* jsonb */])
const NUMBERS = new Set([20 /* int8 */, 1700 /* numeric */])

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (RAW_TEXT.has(oid)) return (value: string) => value
    if (NUMBERS.has(oid)) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown
  }) as pg.CustomTypesConfig['getTypeParser']
}

export interface PoolOptions {
  /** Connections of this instance (PG_POOL_SIZE): every instance's together must stay under max_connections. */
  max: number
  onError: (error: Error) => void
}

export function openPool(connectionString: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString, types, max: options.max, connectionTimeoutMillis: 10_000 })
  // An idle connection the server ends (restart, idle timeout) must not crash the process: the pool replaces it.
  pool.on('error', options.onError)
  return pool
}

// A PostgreSQL database of a benchmark's own, created for its run and dropped at the end. PostgreSQL at
// BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres, the development and CI machines' server).
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'

// pg as the BFF itself resolves it (this package does not depend on it).
const require = createRequire(import.meta.url)
const pg = createRequire(require.resolve('@veterans/bff'))('pg') as {
  Client: new (options: { connectionString: string }) => {
    connect(): Promise<void>
    query<R>(text: string): Promise<{ rows: R[] }>
    end(): Promise<void>
  }
}

const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface BenchDatabase {
  name: string
  url: string
  query<R>(text: string): Promise<R[]>
  /** PostgreSQL's own count of the database's transactions (each connection reports its own as it closes). */
  transactions(): Promise<{ committed: number; rolledBack: number }>
  drop(): Promise<void>
}

async function onPostgres<R>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(text)).rows
  } finally {
    await client.end()
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  await onPostgres(PG_ADMIN_URL, `CREATE DATABASE ${name}`)
  return {
    name,
    url: url.toString(),
    query: (text) => onPostgres(url.toString(), text),
    async transactions() {
      const [counts] = await onPostgres<{ commits: string; rollbacks: string }>(
        PG_ADMIN_URL,
        `SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = '${name}'`
      ).catch(() => [])
      return { committed: Number(counts?.commits), rolledBack: Number(counts?.rollbacks) }
    },
    drop: async () => void (await onPostgres(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  }
}

import { randomBytes } from 'node:crypto'
import pg from 'pg'

// PostgreSQL for tests: each test file gets databases of its own, created here and dropped afterwards. No test
// skips when the server is missing: it fails, saying where it looked.

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** The URL with any password replaced, fit for a message. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the URL in TEST_PG_ADMIN_URL'
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${withoutPassword(ADMIN_URL)} (tests need PostgreSQL 15 there, trust authentication, user ` +
        `postgres): ${(error as Error).message}`
    )
  }
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A new, empty database with a random name; `drop()` removes it even while connections remain. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `bff_test_${randomBytes(6).toString('hex')}`
  await adminQuery(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

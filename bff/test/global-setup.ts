import { randomBytes } from 'node:crypto'
import { migratePostgres } from '../src/db/pg/migrate'
import { withDatabase } from '../src/db/pg/test-database'
import pg from 'pg'

// TEST_DATABASE=postgres runs the BFF's tests on PostgreSQL: one migrated template for the run, which every test
// app copies into a database of its own (src/testing/index.ts).
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export default async function setup() {
  if (process.env.TEST_DATABASE !== 'postgres') return
  const template = `vt_template_${randomBytes(4).toString('hex')}`
  const url = withDatabase(ADMIN_URL, template)
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${template}`)
  await admin.end()
  await migratePostgres(url)
  process.env.TEST_PG_TEMPLATE = template
  return async () => {
    // The template and every test database of this run (named after it; an app drops its own without waiting).
    const client = new pg.Client({ connectionString: ADMIN_URL })
    await client.connect()
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_%'",
      [template]
    )
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    await client.end()
  }
}

import pg from 'pg'

// Tests only: each test app on PostgreSQL gets a database of its own, copied from a template that already has every
// migration (copying is much faster than migrating), and dropped when the app closes.

/** `url` with its database replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1))

async function onMaintenanceDatabase(url: string, text: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`

export function createFromTemplate(url: string, template: string): Promise<void> {
  return onMaintenanceDatabase(url, `CREATE DATABASE ${identifier(databaseOf(url))} TEMPLATE ${identifier(template)}`)
}

export function dropDatabase(url: string): Promise<void> {
  return onMaintenanceDatabase(url, `DROP DATABASE IF EXISTS ${identifier(databaseOf(url))} WITH (FORCE)`)
}

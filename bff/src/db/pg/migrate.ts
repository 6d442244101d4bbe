import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { MIGRATIONS_PG_DIR } from '../../paths'

/**
 * Key of the session-level advisory lock held while migrations run. Fixed and shared by every instance, so those
 * starting together queue on it: the first applies the migrations, the others then find them recorded. Any other
 * use of advisory locks in this database must pick a different key.
 */
export const MIGRATION_LOCK_KEY = 4_210_914_001

/** Brings a PostgreSQL database up to the latest migration (migrations-pg/), once however many instances start. */
export async function migratePostgres(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_PG_DIR })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  } finally {
    // Closing the session also frees the lock should the unlock above not have been reached.
    await client.end()
  }
}

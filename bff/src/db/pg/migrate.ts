import { setTimeout as sleep } from 'node:timers/promises'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { MIGRATIONS_PG_DIR } from '../../paths'
import { CommandSession } from './session'

/**
 * Key of the session-level advisory lock held while migrations run. Fixed and shared by every instance, so those
 * starting together queue on it: the first applies the migrations, the others then find them recorded. Any other
 * use of advisory locks in this database must pick a different key.
 */
export const MIGRATION_LOCK_KEY = 4_210_914_001

const LOCK_POLL_MS = 250

export interface MigrateOptions {
  /** How long to wait for another instance's migrations before giving up (default one minute). */
  lockWaitMs?: number
}

/**
 * Brings a PostgreSQL database up to the latest migration (migrations-pg/), once however many instances start.
 * The lock is a session's: give a direct connection to PostgreSQL (or a session-pooling proxy), never a
 * transaction-pooling one (PgBouncer's transaction mode), which would hand the lock's session to others.
 */
export async function migratePostgres(connectionString: string, options: MigrateOptions = {}): Promise<void> {
  const session = await CommandSession.open(connectionString)
  const { client } = session
  try {
    await acquireLock(session, options.lockWaitMs ?? 60_000)
    let failure: unknown
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_PG_DIR })
    } catch (error) {
      failure = error
      throw error
    } finally {
      // A lost connection has freed the lock with its session; unlocking on it would only fail and hide why.
      if (session.usable(failure)) {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch((error: unknown) => {
          if (failure === undefined) throw error
        })
      }
    }
  } finally {
    // Closing the session also frees the lock should the unlock above not have been reached.
    await session.close()
  }
}

/** Tries the lock until `waitMs` has passed: an instance stuck holding it is an error to report, not to wait on. */
async function acquireLock(session: CommandSession, waitMs: number) {
  const deadline = Date.now() + waitMs
  for (;;) {
    const { rows } = await session.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY
    ])
    if (rows[0]?.locked) return
    if (Date.now() >= deadline) {
      throw new Error(
        `Another session has held the migration lock (advisory lock ${MIGRATION_LOCK_KEY}) for over ` +
          `${Math.round(waitMs / 1000)} s: an instance applying migrations, or one stuck doing so ` +
          `(see pg_locks where locktype = 'advisory'). Start again once it is released`
      )
    }
    await sleep(Math.min(LOCK_POLL_MS, Math.max(0, deadline - Date.now())))
  }
}

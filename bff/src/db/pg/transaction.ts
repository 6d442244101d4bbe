import { setTimeout as sleep } from 'node:timers/promises'
import type pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { Conn } from '../client'
import { registerPostgres } from '../dialect'
import { codeOf } from '../errors'

// On PostgreSQL a write transaction is SERIALIZABLE by default: the rules SQLite keeps by letting one writer in at
// a time (capacity, one active booking, gap-free sequence numbers, checks before inserts) hold because PostgreSQL
// refuses any commit that no one-at-a-time order could have produced. The refused transaction runs again from the
// start, so a transaction body must do nothing but database work (as on SQLite, see group-commit.ts).
// Hot paths whose rules are kept by row locks instead (db/row-locks.ts) run READ COMMITTED: under contention they
// wait their turn rather than fail and run again. A deadlock between such lock takers is retried the same way.

/** serialization_failure, deadlock_detected: the transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01'])
const MAX_ATTEMPTS = 50

export type Isolation = 'SERIALIZABLE' | 'READ COMMITTED'

export async function inPostgresTransaction<T>(
  pool: pg.Pool,
  fn: (tx: Conn) => T | Promise<T>,
  isolation: Isolation = 'SERIALIZABLE'
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect()
    let broken: Error | undefined
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`)
      const tx = drizzle(client)
      registerPostgres(tx, client, pool)
      try {
        const value = await fn(tx as unknown as Conn)
        await client.query('COMMIT')
        return value
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
        if (!RETRYABLE.has(String(codeOf(error))) || attempt >= MAX_ATTEMPTS) throw error
      }
    } finally {
      client.release(broken)
    }
    // Apart a little, more each time, so that the transactions that collided do not collide again at once.
    await sleep(Math.random() * Math.min(2 * attempt, 20))
  }
}

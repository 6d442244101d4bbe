import { clientOf, perConnection, statement, type Db } from './client'
import { isPostgres } from './dialect'

/**
 * Values read from some tables, kept by key while nothing they are read from may have changed: a write by this
 * connection to one of the tables (seen by temporary triggers, whatever code wrote it, even a write rolled back
 * later) or a commit by another connection (data_version) drops them all, so a kept value is never older than the
 * last write that could change it. Writes to other tables (messages, bookings) leave it be: under write load every
 * request would otherwise read its values again. Bounded: when full, it starts again empty.
 * `name` names the triggers and must differ between caches.
 */
export function tableCache<T>(name: string, tables: readonly string[], maxSize: number) {
  const state = perConnection(() => ({ generation: 0, watching: false, stamp: '', values: new Map<string, T>() }))

  /** Installs the triggers of this connection once; false while inside a transaction (DDL there could be undone). */
  function watch(db: Db, cache: ReturnType<typeof state>): boolean {
    if (cache.watching) return true
    const sqlite = clientOf(db)
    if (sqlite.inTransaction) return false
    sqlite.function(`${name}_rows_changed`, { deterministic: false }, () => {
      cache.generation++
      return null
    })
    for (const table of tables) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name}_cache_${table}_${event.toLowerCase()}
          AFTER ${event} ON main.${table} BEGIN SELECT ${name}_rows_changed(); END`)
      }
    }
    cache.watching = true
    return true
  }

  const stampOf = (db: Db, generation: number) =>
    `${generation}:${statement(db, 'PRAGMA data_version').pluck().get() as number}`

  return {
    /** The value of `key`: kept, or loaded (and kept unless the tables changed while it loaded). */
    async get(db: Db, key: string, load: () => T | Promise<T>): Promise<T> {
      const cache = state(db)
      // PostgreSQL has no change stamp a connection can read for free: nothing is kept there.
      if (isPostgres(db) || !watch(db, cache)) return load()
      const stamp = stampOf(db, cache.generation)
      if (cache.stamp !== stamp || cache.values.size >= maxSize) {
        cache.stamp = stamp
        cache.values.clear()
      }
      if (cache.values.has(key)) return cache.values.get(key)!
      const value = await load()
      if (stampOf(db, cache.generation) === stamp) cache.values.set(key, value)
      return value
    }
  }
}

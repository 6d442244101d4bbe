import fp from 'fastify-plugin'
import { openDatabase, type Db } from '../db/client'
import { startCheckpointer } from '../db/checkpointer'
import { releaseWalSync } from '../db/wal-sync'
import type Database from 'better-sqlite3'
import { openPostgres } from '../db/pg/open'
import { createFromTemplate, dropDatabase } from '../db/pg/test-database'
import { PiiVault } from '../lib/pii'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    /** SQLite's connection (on PostgreSQL, any use of it throws). */
    sqlite: Database.Database
    pii: PiiVault
  }
}

/**
 * Opens the database (migrations applied) and the personal-data vault. SQLite: checkpoints the WAL in a worker
 * thread; closes the database on shutdown (the last connection to close checkpoints what is left). PostgreSQL: a
 * pool of connections, ended on shutdown.
 */
export default fp(
  async (app) => {
    app.decorate('pii', new PiiVault(app.config.piiKey))
    const postgres = app.config.postgres
    if (postgres) {
      if (postgres.template) {
        await createFromTemplate(postgres.url, postgres.template)
        // Not waited for: closing a test app stays quick; what is left is dropped at the end of the run.
        app.addHook('onClose', async () => void dropDatabase(postgres.url).catch(() => undefined))
      }
      const { db, pool } = await openPostgres(postgres.url, {
        poolSize: postgres.poolSize,
        onError: (error) => app.log.warn({ err: error }, 'a PostgreSQL connection of the pool failed')
      })
      app.decorate('db', db)
      app.decorate('sqlite', noSqlite())
      app.addHook('onClose', () => pool.end())
      return
    }
    const { db, sqlite } = openDatabase(app.config.databasePath, { synchronous: app.config.dbSynchronous })
    app.decorate('db', db)
    app.decorate('sqlite', sqlite)
    const checkpointer =
      app.config.databasePath === ':memory:'
        ? null
        : startCheckpointer(app.config.databasePath, (message) => app.log.error({ message }, 'WAL checkpoint failed'))
    if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0')
    app.addHook('onClose', async () => {
      await checkpointer?.stop()
      releaseWalSync(db)
      sqlite.close()
    })
  },
  { name: 'db' }
)

/** Stands for SQLite's connection on PostgreSQL: whatever reaches for it is told so at once. */
function noSqlite(): Database.Database {
  return new Proxy({} as Database.Database, {
    get: (_target, key) => {
      // Looked at by Fastify's decorate() and by promise checks: not a use of the connection.
      if (typeof key === 'symbol' || key === 'getter' || key === 'setter' || key === 'then') return undefined
      throw new Error('app.sqlite: this app runs on PostgreSQL')
    }
  })
}

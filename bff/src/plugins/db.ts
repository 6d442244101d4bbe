import fp from 'fastify-plugin'
import { openDatabase, type Db } from '../db/client'
import { startCheckpointer } from '../db/checkpointer'
import { releaseWalSync } from '../db/wal-sync'
import type Database from 'better-sqlite3'
import { PiiVault } from '../lib/pii'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    sqlite: Database.Database
    pii: PiiVault
  }
}

/**
 * Opens the database (migrations applied) and the personal-data vault; checkpoints the WAL in a worker thread;
 * closes the database on shutdown (the last connection to close checkpoints what is left).
 */
export default fp(
  async (app) => {
    const { db, sqlite } = openDatabase(app.config.databasePath, { synchronous: app.config.dbSynchronous })
    app.decorate('db', db)
    app.decorate('sqlite', sqlite)
    app.decorate('pii', new PiiVault(app.config.piiKey))
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

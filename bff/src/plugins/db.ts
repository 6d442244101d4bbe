import fp from 'fastify-plugin'
import { openDatabase, type Db } from '../db/client'
import type Database from 'better-sqlite3'
import { PiiVault } from '../lib/pii'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    sqlite: Database.Database
    pii: PiiVault
  }
}

/** Opens the database (migrations applied) and the personal-data vault; closes the database on shutdown. */
export default fp(
  async (app) => {
    const { db, sqlite } = openDatabase(app.config.databasePath)
    app.decorate('db', db)
    app.decorate('sqlite', sqlite)
    app.decorate('pii', new PiiVault(app.config.piiKey))
    app.addHook('onClose', async () => {
      sqlite.close()
    })
  },
  { name: 'db' }
)

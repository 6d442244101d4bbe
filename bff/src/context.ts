import type { FastifyBaseLogger } from 'fastify'
import type { Config } from './config'
import type { Db } from './db/client'
import type { PiiVault } from './lib/pii'

/** What services need from the running app. Routes pass the Fastify instance, which has all of it. */
export interface Ctx {
  db: Db
  pii: PiiVault
  config: Config
  log: FastifyBaseLogger
}

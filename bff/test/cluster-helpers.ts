import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { BuildOptions } from '../src/app'
import { createFromTemplate, dropDatabase } from '../src/db/pg/test-database'
import { buildTestApp, testEnv, type Session } from '../src/testing/index'
import { TEST_REDIS_URL, uniquePrefix } from './redis-helpers'

// Several BFF instances as a deployment runs them: one database (a SQLite file, or with TEST_DATABASE=postgres a
// PostgreSQL database of the cluster's own), one Redis (a prefix per test run), each instance listening on its own
// port.

export interface Cluster {
  instances: FastifyInstance[]
  /** The DATABASE_URL every instance runs on, for one started later. */
  databaseUrl: string
  /** The uploads folder every instance shares (an import's file waits there for whichever instance runs it). */
  uploadsDir: string
  /** The WebSocket URL of an instance. */
  wsUrl(instance: FastifyInstance): string
  close(): Promise<void>
}

export async function startCluster(
  name: string,
  count: number,
  env: Record<string, string | undefined> = {},
  options: BuildOptions = {}
): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), `cluster-${name}-`))
  // On PostgreSQL the cluster makes its database itself (no instance creates it from the template, nor drops it when
  // it closes: an instance may stop while the others go on).
  const { DATABASE_URL: postgresUrl, DATABASE_TEMPLATE: template } = testEnv()
  const databaseUrl = template && postgresUrl ? postgresUrl : `file:${path.join(dir, 'db.sqlite')}`
  if (template) await createFromTemplate(databaseUrl, template)
  const dropped = async () => {
    rmSync(dir, { recursive: true, force: true })
    if (template) await dropDatabase(databaseUrl)
  }
  // Beside the SQLite file, as the instances find it by themselves; on PostgreSQL each would take a folder of its own.
  const uploadsDir = path.join(dir, 'uploads')
  const shared = {
    DATABASE_URL: databaseUrl,
    DATABASE_TEMPLATE: undefined,
    UPLOADS_DIR: uploadsDir,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: uniquePrefix(name),
    BACKUP_HOUR: 'off',
    ...env
  }
  const instances: FastifyInstance[] = []
  try {
    // The first seeds the demo data; the others start on the database it left, as a rolling start would.
    for (let i = 0; i < count; i++) {
      const app = await buildTestApp(i === 0 ? shared : { ...shared, SEED: 'none' }, options)
      instances.push(app)
      await app.listen({ port: 0, host: '127.0.0.1' })
    }
  } catch (error) {
    await Promise.all(instances.map((app) => app.close()))
    await dropped()
    throw error
  }
  return {
    instances,
    databaseUrl,
    uploadsDir,
    wsUrl: (app) => `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/ws`,
    async close() {
      await Promise.all(instances.map((app) => app.close()))
      await dropped()
    }
  }
}

/** The same login, its requests answered by another instance (a load balancer's choice). */
export function through(app: FastifyInstance, session: Session): Session {
  return {
    ...session,
    request: (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), authorization: `Bearer ${session.accessToken}` }
      })
  }
}

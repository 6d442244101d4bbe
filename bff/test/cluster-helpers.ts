import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { BuildOptions } from '../src/app'
import { buildTestApp, type Session } from '../src/testing/index'
import { TEST_REDIS_URL, uniquePrefix } from './redis-helpers'

// Several BFF instances as a deployment runs them: one database file, one Redis (a prefix per test run), each
// instance listening on its own port.

export interface Cluster {
  instances: FastifyInstance[]
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
  const shared = {
    DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
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
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    instances,
    wsUrl: (app) => `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/ws`,
    async close() {
      await Promise.all(instances.map((app) => app.close()))
      rmSync(dir, { recursive: true, force: true })
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

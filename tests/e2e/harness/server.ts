import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildApp } from '@veterans/bff'
import { loadConfig } from '@veterans/bff/config'
import { H5_DIR } from './paths'

export const DEMO_PASSWORD = 'e2e-demo-password-2026'

export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** The real BFF with the M City demo data on a fresh SQLite file, serving the H5 build, on a free port. */
export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'veterans-e2e-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`,
    SEED: 'demo',
    DEMO_PASSWORD,
    RATE_LIMITS: 'off',
    H5_DIR,
    JWT_SECRET: 'e2e-jwt-secret-that-is-long-enough-0123456789',
    PII_KEY: 'a1'.repeat(32),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'error',
    HOST: '127.0.0.1',
    PORT: '0'
  })
  if (!config.h5Dir) throw new Error(`The BFF did not find the H5 build in ${H5_DIR}`)
  const app = await buildApp(config)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

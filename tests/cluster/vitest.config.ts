import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * `pnpm test:cluster`: three BFF instances (from source) behind nginx on one SQLite file and Redis, started by the same
 * code as `pnpm cluster` (scripts/cluster.mjs); `pnpm test:cluster:postgres` (CLUSTER_DATABASE=postgres): on a
 * PostgreSQL database of their own instead. Needs nginx, Redis on 127.0.0.1:6379 (and PostgreSQL on
 * 127.0.0.1:5432, or TEST_PG_ADMIN_URL). Bounded: 1–2 minutes on SQLite, 2–3 on PostgreSQL.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['cluster/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false
  }
})

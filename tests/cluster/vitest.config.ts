import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * `pnpm test:cluster`: three BFF instances (from source) behind nginx on one SQLite file and Redis, started by the same
 * code as `pnpm cluster` (scripts/cluster.mjs). Needs nginx and Redis on 127.0.0.1:6379. Bounded: under 2 minutes.
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

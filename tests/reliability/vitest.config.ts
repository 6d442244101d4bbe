import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * `pnpm test:reliability`: load and faults against the BFF run from source in child processes (mixed workload, kill -9, a full
 * disk). Bounded in time; one file at a time, since each drives a server as hard as the 2-core machine allows.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['reliability/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false
  }
})

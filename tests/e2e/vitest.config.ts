import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Browser tests of the H5 build against the real BFF. One file at a time (each starts its own server and Chromium;
 * the CI machine has 2 cores). The H5 build must exist: the root `pnpm test` builds it first.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/harness/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false
  }
})

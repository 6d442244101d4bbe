import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * `pnpm test:security`: bad input from the OpenAPI document, the authorization matrix, tokens, logs and headers,
 * against the BFF built in this process (inject) on its own database per file.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['security/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
})

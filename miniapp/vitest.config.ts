import { defineConfig } from 'vitest/config'

// Unit tests of the mini-program's logic that does not need Taro (API client, formatting, validation).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node' }
})

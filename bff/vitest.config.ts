import { configDefaults, defineConfig } from 'vitest/config'

// TEST_DATABASE=postgres runs the suite again on PostgreSQL (test/global-setup.ts). Left out of that run: the tests
// of SQLite itself (its file, WAL, backups, several apps or processes on one file, group commit) and those that
// pick their database themselves (PostgreSQL's own tests).
const SQLITE_OR_FIXED_DATABASE = [
  'test/db-backup*.test.ts',
  'test/db-concurrent-start.test.ts',
  'test/db-durability.test.ts',
  'test/db-group-commit.test.ts',
  'test/db-two-apps.test.ts',
  'test/db-wal-sync.test.ts',
  'test/pg-*.test.ts'
]

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE === 'postgres' ? SQLITE_OR_FIXED_DATABASE : [])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts']
  }
})

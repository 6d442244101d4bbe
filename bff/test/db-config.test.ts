import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/config'
import { testConfig } from '../src/testing/index'

// DATABASE_URL names the SQLite file. A PostgreSQL URL is refused at start, clearly, rather than ignored, and no
// setting's error repeats a URL: it may carry a password into the logs.
describe('DATABASE_URL', () => {
  it('names a SQLite file, or memory', () => {
    expect(testConfig({ DATABASE_URL: 'file:./data/city.db' }).databasePath).toBe(path.resolve('data/city.db'))
    expect(testConfig({ DATABASE_URL: 'file::memory:' }).databasePath).toBe(':memory:')
  })

  it.each(['postgres://app:s3cret-pw@db:5432/veterans', 'postgresql://app:s3cret-pw@db/veterans'])(
    'refuses PostgreSQL in this version, without repeating the password (%s)',
    (url) => {
      const refusal = catchConfigError(() => testConfig({ DATABASE_URL: url }))
      expect(refusal.message).toMatch(/DATABASE_URL.*SQLite only.*PostgreSQL is not yet supported/)
      expect(refusal.message).not.toContain('s3cret-pw')
    }
  )

  it('refuses other schemes without repeating the URL', () => {
    const refusal = catchConfigError(() => testConfig({ DATABASE_URL: 'mysql://root:s3cret-pw@db/veterans' }))
    expect(refusal.message).toMatch(/DATABASE_URL must start with "file:"/)
    expect(refusal.message).not.toContain('s3cret-pw')
  })

  it('does not repeat a REDIS_URL with a password either', () => {
    const refusal = catchConfigError(() => testConfig({ REDIS_URL: 'http://:s3cret-pw@cache:6379' }))
    expect(refusal.message).toMatch(/REDIS_URL/)
    expect(refusal.message).not.toContain('s3cret-pw')
  })
})

function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

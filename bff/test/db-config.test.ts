import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/config'
import { testConfig } from '../src/testing/index'

// DATABASE_URL names the SQLite file or the PostgreSQL database. No setting's error repeats a URL: it may carry a
// password into the logs.
describe('DATABASE_URL', () => {
  it('names a SQLite file, or memory', () => {
    expect(testConfig({ DATABASE_URL: 'file:./data/city.db' }).databasePath).toBe(path.resolve('data/city.db'))
    expect(testConfig({ DATABASE_URL: 'file::memory:' }).databasePath).toBe(':memory:')
  })

  it.each(['postgres://app:s3cret-pw@db:5432/veterans', 'postgresql://app:s3cret-pw@db/veterans'])(
    'selects PostgreSQL with a pool per instance (%s)',
    (url) => {
      expect(testConfig({ DATABASE_URL: url, DATABASE_TEMPLATE: undefined }).postgres).toEqual({
        url,
        poolSize: 10,
        template: null
      })
      expect(testConfig({ DATABASE_URL: url, DATABASE_TEMPLATE: undefined, PG_POOL_SIZE: '4' }).postgres).toEqual({
        url,
        poolSize: 4,
        template: null
      })
      expect(testConfig({ DATABASE_URL: 'file::memory:' }).postgres).toBeNull()
    }
  )

  it('on PostgreSQL, wants the secrets every instance shares, without repeating the password', () => {
    const url = 'postgres://app:s3cret-pw@db:5432/veterans'
    const refusal = catchConfigError(() => testConfig({ DATABASE_URL: url, PII_KEY: undefined, JWT_SECRET: undefined }))
    expect(refusal.message).toMatch(/JWT_SECRET is required with PostgreSQL/)
    expect(refusal.message).toMatch(/PII_KEY is required with PostgreSQL/)
    expect(refusal.message).not.toContain('s3cret-pw')
    expect(testConfig({ DATABASE_URL: url, NODE_ENV: 'development' }).uploadsDir).toBe(path.resolve('data/uploads'))
  })

  it('refuses other schemes without repeating the URL', () => {
    const refusal = catchConfigError(() => testConfig({ DATABASE_URL: 'mysql://root:s3cret-pw@db/veterans' }))
    expect(refusal.message).toMatch(/DATABASE_URL must start with "file:" \(SQLite\) or "postgres:\/\/"/)
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

import { describe, expect, it } from 'vitest'
import { ConfigError } from '../src/config'
import { buildTestApp, testConfig } from '../src/testing/index'

// REDIS_URL turns on what instances share; without it one instance keeps everything in process.
describe('REDIS_URL', () => {
  it('is off unless set, and carries a prefix for keys and channels', () => {
    expect(testConfig().redis).toBeNull()
    expect(testConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      prefix: 'veterans:'
    })
    expect(testConfig({ REDIS_URL: 'rediss://cache:6380/2', REDIS_PREFIX: 'city-b:' }).redis).toEqual({
      url: 'rediss://cache:6380/2',
      prefix: 'city-b:'
    })
  })

  it('must be a redis:// or rediss:// URL', () => {
    expect(() => testConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError)
    expect(() => testConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/)
  })

  // Nothing listens on port 1: the start fails at once, naming the setting, instead of serving alone.
  it.each([
    ['realtime', 'off'],
    ['rate limits', 'on']
  ])('stops the start when Redis is unreachable (%s)', async (_what, rateLimits) => {
    const started = Date.now()
    await expect(
      buildTestApp({ SEED: 'none', REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMITS: rateLimits })
    ).rejects.toThrow(/REDIS_URL is unreachable/)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

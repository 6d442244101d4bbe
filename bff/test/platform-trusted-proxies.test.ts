import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { ConfigError, loadConfig } from '../src/config'
import { testConfig, testEnv } from '../src/testing/index'

// Behind nginx every request arrives from the proxy: only a proxy named in TRUST_PROXY may say whom it forwards
// (X-Forwarded-For), so per-address rate limits and logs see people, and nobody else can claim another address.

/** The address the app takes a request from (as its request log says), asked from 127.0.0.1. */
async function addressSeen(trustProxy: string | undefined, forwardedFor: string) {
  const lines: string[] = []
  const app = await buildApp(testConfig({ LOG_LEVEL: 'info', TRUST_PROXY: trustProxy, SEED: 'none' }), {
    logStream: { write: (line) => lines.push(line) }
  })
  await app.ready()
  await app.inject({ method: 'GET', url: '/api/v1/policies', headers: { 'x-forwarded-for': forwardedFor } })
  await app.close()
  const incoming = lines.map((l) => JSON.parse(l) as { req?: { remoteAddress?: string } }).find((l) => l.req)
  return incoming?.req?.remoteAddress
}

describe('trusted proxies', () => {
  it('take the client from X-Forwarded-For only when the request comes from a trusted proxy', async () => {
    expect(await addressSeen('127.0.0.1', '203.0.113.9')).toBe('203.0.113.9')
    expect(await addressSeen('loopback', '198.51.100.7, 203.0.113.9')).toBe('203.0.113.9')
    expect(await addressSeen(undefined, '203.0.113.9')).toBe('127.0.0.1')
    expect(await addressSeen('10.0.0.0/8', '203.0.113.9')).toBe('127.0.0.1')
    // Four apps: on PostgreSQL each copies a database of its own, which takes seconds on a busy machine.
  }, 120_000)

  it('refuse a TRUST_PROXY that is not addresses, ranges or a known name', () => {
    for (const wrong of ['nginx', '127.0.0.1/40', '300.1.1.1', '10.0.0.0/8/1']) {
      expect(() => loadConfig(testEnv({ TRUST_PROXY: wrong }))).toThrow(ConfigError)
    }
    expect(loadConfig(testEnv({ TRUST_PROXY: ' 127.0.0.1, ::1 ,10.0.0.0/8' })).trustProxy).toEqual([
      '127.0.0.1',
      '::1',
      '10.0.0.0/8'
    ])
  })
})

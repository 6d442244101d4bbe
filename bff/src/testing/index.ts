import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { TokenPair } from '@veterans/shared'
import { randomBytes } from 'node:crypto'
import { buildApp, type BuildOptions } from '../app'
import { loadConfig, type Config } from '../config'
import { withDatabase } from '../db/pg/test-database'

export const DEMO_PASSWORD = 'demo-password-2026'

/**
 * Environment of a test app: a fresh database (in memory; with TEST_DATABASE=postgres, a PostgreSQL database of its
 * own, see test/global-setup.ts), fixed keys, quiet logs.
 */
export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    ...freshDatabase(),
    SEED: 'demo',
    DEMO_PASSWORD,
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-1234',
    PII_KEY: '0f'.repeat(32),
    RATE_LIMITS: 'off',
    // TEST_LOG_LEVEL=error shows what a 500 hides.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    H5_DIR: '/nonexistent',
    ...overrides
  }
}

function freshDatabase(): Record<string, string | undefined> {
  const template = process.env.TEST_PG_TEMPLATE
  if (process.env.TEST_DATABASE !== 'postgres' || !template) return { DATABASE_URL: 'file::memory:' }
  const admin = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  return {
    // Named after the run's template, so that the run's end drops whatever a test left (test/global-setup.ts).
    DATABASE_URL: withDatabase(admin, `${template}_${randomBytes(6).toString('hex')}`),
    DATABASE_TEMPLATE: template
  }
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig(testEnv(overrides))
}

/** A fresh app on a fresh in-memory database with migrations applied and, unless told otherwise, demo data. */
export async function buildTestApp(overrides: Record<string, string | undefined> = {}, options: BuildOptions = {}) {
  const app = await buildApp(testConfig(overrides), options)
  await app.ready()
  return app
}

export interface Session extends TokenPair {
  /** inject() with this session's bearer token. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>
}

function withToken(app: FastifyInstance, pair: TokenPair): Session {
  return {
    ...pair,
    request: (options) =>
      app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${pair.accessToken}` } })
  }
}

/** Signs in through dev-WeChat mode as openid `dev-<name>` (demo residents: laowang, xiaowang, zhangmin). */
export async function signInWechat(app: FastifyInstance, name: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: `dev:${name}` } })
  if (response.statusCode !== 200) throw new Error(`WeChat sign-in failed: ${response.statusCode} ${response.body}`)
  return withToken(app, response.json())
}

/** Signs in a demo staff account (admin, city, donghu, xijiang …). */
export async function signInStaff(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/staff', payload: { username, password } })
  if (response.statusCode !== 200) throw new Error(`Staff sign-in failed: ${response.statusCode} ${response.body}`)
  return withToken(app, response.json())
}

/** Demo registry records (config/demo/people.json) with their full ID numbers. */
export const DEMO_VETERANS = {
  wangJianguo: { name: '王建国', idNumber: '419902195803120313' },
  liZhiqiang: { name: '李志强', idNumber: '419903198506150516' },
  chenXiuying: { name: '陈秀英', idNumber: '419904197008030222' }
}

/** Policies: bulk loading and the search service, for benchmarks (tests/bench/search.bench.ts). */
export * as policies from '../modules/policies/testing'

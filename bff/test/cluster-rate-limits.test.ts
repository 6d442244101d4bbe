import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Redis } from 'ioredis'
import { startCluster, type Cluster } from './cluster-helpers'
import { connectRedis } from './redis-helpers'

// Rate limits with two instances behind one address: the counters are in Redis, so a client cannot double its
// allowance by being answered by both.

let redis: Redis
let cluster: Cluster
let a: FastifyInstance
let b: FastifyInstance

beforeAll(async () => {
  redis = await connectRedis()
  cluster = await startCluster('rate-limits', 2, { RATE_LIMITS: 'on', SEED: 'none' })
  ;[a, b] = cluster.instances as [FastifyInstance, FastifyInstance]
})
afterAll(async () => {
  await cluster?.close()
  redis?.disconnect()
})

const GENERAL_LIMIT = 1200
const SIGN_IN_LIMIT = 10
// Each test from an address of its own: the general limit spent by the first does not touch the second.
const centers = (app: FastifyInstance) => app.inject({ url: '/api/v1/centers', remoteAddress: '192.0.2.1' })
// WeChat sign-in: staff sign-in locks a username after five failures by itself (in the database), before its limit.
const wechatSignIn = (app: FastifyInstance) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/wechat',
    payload: { code: 'dev:rate-limited' },
    remoteAddress: '192.0.2.2'
  })

describe('rate limits across instances', () => {
  it('counts the general limit once for both instances', async () => {
    const remaining = async (app: FastifyInstance) => Number((await centers(app)).headers['x-ratelimit-remaining'])
    const first = await remaining(a)
    expect(first).toBe(GENERAL_LIMIT - 1)
    expect(await remaining(b)).toBe(first - 1)
    expect(await remaining(a)).toBe(first - 2)

    // Alternating instances, a few more than the rest of the minute's allowance: exactly that many are served.
    const statuses: number[] = []
    for (let i = 0; i < first - 2 + 10; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => centers((i + j) % 2 === 0 ? a : b))
      statuses.push(...(await Promise.all(batch)).map((r) => r.statusCode))
    }
    const served = statuses.filter((status) => status !== 429).length
    expect(served).toBe(first - 2)
    const refused = await centers(b)
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('RATE_LIMITED')
  })

  it("counts a sign-in route's own limit once for both instances, under the deployment's prefix", async () => {
    const statuses: number[] = []
    for (let i = 0; i < SIGN_IN_LIMIT; i++) statuses.push((await wechatSignIn(i % 2 ? b : a)).statusCode)
    expect(statuses).toEqual(Array(SIGN_IN_LIMIT).fill(200))
    expect((await wechatSignIn(a)).statusCode).toBe(429)
    expect((await wechatSignIn(b)).statusCode).toBe(429)

    const keys = await redis.keys(`${a.config.redis!.prefix}rate-limit:*`)
    expect(keys.some((key) => key.includes('/api/v1/auth/wechat'))).toBe(true)
  })
})

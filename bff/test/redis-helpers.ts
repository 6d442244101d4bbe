import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

/** The Redis that the Redis tests use; CI and development machines run Redis 7 here. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A key/channel prefix of its own, so test files running in parallel do not hear each other. */
export const uniquePrefix = (name: string) => `test:${name}:${randomBytes(6).toString('hex')}:`

/** A plain connection for looking at Redis from the outside; fails at once when Redis is unreachable. */
export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${String(error)}); the Redis tests need it: start it with ` +
        '`redis-server --daemonize yes --port 6379 --save "" --appendonly no`, or set TEST_REDIS_URL'
    )
  }
  return redis
}

/** Waits until done() holds, polling. */
export async function until(done: () => boolean | Promise<boolean>, ms = 3000) {
  const deadline = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

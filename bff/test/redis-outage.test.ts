import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { buildTestApp } from '../src/testing/index'
import { until } from './redis-helpers'

// A Redis of its own that the test stops and starts again: while it is down requests are served at once, without
// limits (limits guard, they do not gate); once it is back, counting and realtime resume without a restart.

let port: number
let server: ChildProcess | null = null
let app: FastifyInstance

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

async function startRedis() {
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'])
  server.once('error', (error) => {
    throw new Error(`redis-server could not be started (is it installed?): ${String(error)}`)
  })
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null })
  probe.on('error', () => {})
  await until(
    () =>
      probe.connect().then(
        () => true,
        () => false
      ),
    5000
  )
  probe.disconnect()
}
async function stopRedis() {
  const stopped = new Promise((resolve) => server!.once('exit', resolve))
  server!.kill('SIGKILL')
  await stopped
}
const centers = () => app.inject('/api/v1/centers')

beforeAll(async () => {
  port = await freePort()
  await startRedis()
  app = await buildTestApp({ SEED: 'none', RATE_LIMITS: 'on', REDIS_URL: `redis://127.0.0.1:${port}` })
})
afterAll(async () => {
  await app?.close()
  server?.kill('SIGKILL')
})

describe('a Redis outage', () => {
  it('serves requests at once while Redis is down, and counts again once it is back', async () => {
    expect((await centers()).headers['x-ratelimit-remaining']).toBe('1199')
    await stopRedis()

    const started = Date.now()
    const during = await Promise.all(Array.from({ length: 5 }, centers))
    expect(during.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200])
    expect(Date.now() - started).toBeLessThan(1000)

    // A fresh Redis (the counters went with the old one): the app reconnects and counts from the start.
    await startRedis()
    // (While skipped, a request shows the whole allowance left.)
    const remaining = async () => Number((await centers()).headers['x-ratelimit-remaining'])
    await until(async () => (await remaining()) < 1200, 10_000)
    const counted = await remaining()
    expect(await remaining()).toBe(counted - 1)
    // Realtime subscribed again on the new Redis by itself: frames from other instances reach this one again.
    const look = new Redis(port, '127.0.0.1')
    await until(async () => (await look.pubsub('NUMSUB', 'veterans:realtime'))[1] === 1, 10_000)
    look.disconnect()
  }, 30_000)
})

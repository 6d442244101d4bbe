import { afterAll, beforeAll, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createFromTemplate, dropDatabase } from '../src/db/pg/test-database'
import { buildTestApp, testEnv } from '../src/testing'

// Back-pressure is on in production (plugins/security.ts): once the event loop has been held up for longer than its
// limit (2 s), requests get 503 until the next sample. Right after a start that seeded a database, the readiness
// probe met exactly that — and answered 500, because the general error body does not fit its schema.

let app: FastifyInstance
// On PostgreSQL a production app neither copies the test template nor keeps its uploads in a temporary folder
// (config.ts): the test makes both itself and removes them afterwards.
const { DATABASE_URL, DATABASE_TEMPLATE } = testEnv()
const uploadsDir = DATABASE_TEMPLATE ? mkdtempSync(path.join(tmpdir(), 'ops-pressure-')) : undefined

beforeAll(async () => {
  if (DATABASE_TEMPLATE) await createFromTemplate(DATABASE_URL!, DATABASE_TEMPLATE)
  app = await buildTestApp({
    NODE_ENV: 'production',
    WECHAT_DEV_MODE: '1',
    SEED: 'none',
    DATABASE_URL,
    UPLOADS_DIR: uploadsDir
  })
})

afterAll(async () => {
  await app.close()
  if (DATABASE_TEMPLATE) await dropDatabase(DATABASE_URL!)
  if (uploadsDir) rmSync(uploadsDir, { recursive: true, force: true })
})

/**
 * Holds the event loop as a long synchronous task does until the sampled mean delay is over the limit (on a busy
 * machine, ordinary samples in the same interval can pull the mean under it: hold again, a few times at most).
 */
async function holdEventLoop() {
  for (let i = 0; i < 5; i++) {
    const until = Date.now() + 2200
    while (Date.now() < until) {
      // busy: nothing else runs
    }
    // Timers run: the plugin's sample of the delay is taken before this one's.
    await new Promise((resolve) => setTimeout(resolve, 0))
    if (i >= 1 && app.memoryUsage().eventLoopDelay > 2000) return
  }
}

test('under pressure, /readyz answers 503 overloaded in its own shape and /healthz stays 200', async () => {
  expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' })

  await holdEventLoop()
  const ready = await app.inject({ method: 'GET', url: '/readyz' })
  const alive = await app.inject({ method: 'GET', url: '/healthz' })
  const api = await app.inject({ method: 'GET', url: '/api/v1/services' })

  expect({ status: ready.statusCode, body: ready.json(), retryAfter: ready.headers['retry-after'] }).toEqual({
    status: 503,
    body: { status: 'overloaded' },
    retryAfter: '5'
  })
  expect({ status: alive.statusCode, body: alive.json() }).toEqual({ status: 200, body: { status: 'ok' } })
  // The API itself is shed as before: the contract's OVERLOADED (a sign that the pressure was really on).
  expect({ status: api.statusCode, code: api.json().error.code }).toEqual({ status: 503, code: 'OVERLOADED' })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { lazyChildLoggers } from '../src/lib/lazy-child-logger'

// Each request's logger becomes a real child (carrying the request id) only when it logs at an enabled level.

let app: FastifyInstance
let lines: Record<string, unknown>[]

async function appLoggingAt(level: string) {
  lines = []
  app = Fastify({
    logger: { level, stream: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } },
    disableRequestLogging: true,
    childLoggerFactory: lazyChildLoggers
  })
  app.get('/quiet', async (request) => {
    request.log.info('routine detail')
    return { ok: true }
  })
  app.get('/loud', async (request) => {
    request.log.warn({ detail: 1 }, 'something to look at')
    request.log.warn('and again')
    return { ok: true }
  })
  await app.ready()
  return vi.spyOn(app.log, 'child')
}

afterEach(async () => app.close())

describe('request loggers', () => {
  it('write enabled levels with the request id, through one child per request', async () => {
    const child = await appLoggingAt('warn')
    const answer = await app.inject({ url: '/loud' })
    expect(answer.statusCode).toBe(200)
    expect(lines.map((l) => l.msg)).toEqual(['something to look at', 'and again'])
    expect(lines.every((l) => l.reqId === lines[0]!.reqId && typeof l.reqId === 'string')).toBe(true)
    expect(lines[0]!.detail).toBe(1)
    expect(child).toHaveBeenCalledTimes(1)
  })

  it('make no child and write nothing for a request that logs only below the level', async () => {
    const child = await appLoggingAt('warn')
    await app.inject({ url: '/quiet' })
    expect(lines).toEqual([])
    expect(child).not.toHaveBeenCalled()
  })

  it('write info lines when info is enabled', async () => {
    await appLoggingAt('info')
    await app.inject({ url: '/quiet' })
    expect(lines.map((l) => l.msg)).toEqual(['routine detail'])
    expect(typeof lines[0]!.reqId).toBe('string')
  })
})

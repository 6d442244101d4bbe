import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { buildApp } from '../src/app'
import { buildTestApp, signInStaff, signInWechat, testConfig } from '../src/testing/index'
import authPlugin from '../src/plugins/auth'
import { scrubText } from '../src/lib/logger'
import { dropDatabase } from '../src/db/pg/test-database'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('operations', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    const ready = await app.inject('/readyz')
    expect(ready.statusCode).toBe(200)
  })

  it('answers /readyz with 503 once the database is gone', async () => {
    const closing = await buildTestApp({ SEED: 'none' })
    const postgres = closing.config.postgres
    if (postgres) await dropDatabase(postgres.url)
    else closing.sqlite.close()
    expect((await closing.inject('/readyz')).statusCode).toBe(503)
    if (postgres) await closing.close()
  })

  it('publishes OpenAPI generated from the route schemas, and its UI', async () => {
    const spec = (await app.inject('/openapi.json')).json()
    expect(spec.openapi).toMatch(/^3\./)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/wechat',
        '/api/v1/me',
        '/api/v1/me/veteran',
        '/api/v1/staff/veterans',
        '/api/v1/admin/audit'
      ])
    )
    expect(spec.paths['/api/v1/me/veteran'].post.responses).toHaveProperty('409')
    const docs = await app.inject('/docs/')
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toMatch(/html/)
  })

  it('sends security headers', async () => {
    const response = await app.inject('/healthz')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
    const api = await app.inject('/api/v1/districts')
    expect(api.headers['x-content-type-options']).toBe('nosniff')
    expect(api.headers['cache-control']).toBe('no-store')
    expect(api.headers['strict-transport-security']).toMatch(/max-age=/)
  })
})

describe('errors', () => {
  it('answers unknown API routes with the contract’s 404 body', async () => {
    const response = await app.inject('/api/v1/nothing-here')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } })
  })

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/wechat',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": '
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('never sends a stack trace or SQL with a 500', async () => {
    const crashing = await buildApp(testConfig({ SEED: 'none' }))
    crashing.get('/api/v1/crash', { config: { access: 'public' } }, async () => {
      throw new Error('SQLITE_ERROR: no such column: secret in SELECT secret FROM users')
    })
    const response = await crashing.inject('/api/v1/crash')
    await crashing.close()
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试', details: {} } })
  })

  it('refuses to start when a route forgets to declare who may call it', async () => {
    const bare = Fastify()
    bare.decorate('config', testConfig({ SEED: 'none' }))
    await bare.register(
      fp(
        async (i) => {
          i.decorate('db', {} as never)
        },
        { name: 'db' }
      )
    )
    await bare.register(fp(async () => {}, { name: 'errors' }))
    await bare.register(authPlugin)
    expect(() => bare.get('/api/v1/forgot', async () => 'open')).toThrow(/does not declare config.access/)
  })
})

describe('reference data', () => {
  it('lists districts, centers (filterable) and services', async () => {
    const user = await signInWechat(app, 'browser')
    const districts = (await user.request({ method: 'GET', url: '/api/v1/districts' })).json().items
    expect(districts.length).toBeGreaterThanOrEqual(5)
    const services = (await user.request({ method: 'GET', url: '/api/v1/services' })).json().items
    expect(services.length).toBeGreaterThanOrEqual(8)
    expect(services[0]).toMatchObject({
      code: expect.any(String),
      requiredDocuments: expect.any(Array),
      durationMinutes: expect.any(Number)
    })
    const all = (await user.request({ method: 'GET', url: '/api/v1/centers' })).json().items
    expect(all.filter((c: { level: string }) => c.level === 'city')).toHaveLength(1)
    expect(
      all.filter((c: { level: string }) => c.level === 'street' || c.level === 'community').length
    ).toBeGreaterThanOrEqual(10)
    const donghu = (await user.request({ method: 'GET', url: '/api/v1/centers?districtCode=419902' })).json().items
    expect(donghu.length).toBeGreaterThan(1)
    expect(donghu.every((c: { districtCode: string }) => c.districtCode === '419902')).toBe(true)
    const legal = services.find((s: { code: string }) => s.code === 'legal_aid')
    const offering = (await user.request({ method: 'GET', url: `/api/v1/centers?serviceId=${legal.id}` })).json().items
    expect(offering.length).toBeLessThan(all.length)
    expect(offering.every((c: { serviceIds: string[] }) => c.serviceIds.includes(legal.id))).toBe(true)
  })

  it('is public information, readable before sign-in', async () => {
    for (const url of ['/api/v1/services', '/api/v1/districts', '/api/v1/centers?districtCode=419903']) {
      expect((await app.inject(url)).statusCode).toBe(200)
    }
    const bad = await app.inject('/api/v1/centers?districtCode=' + 'x'.repeat(20))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields[0].path).toBe('querystring.districtCode')
  })
})

describe('logs', () => {
  it('keep ID numbers, phones, passwords and tokens out', async () => {
    const lines: string[] = []
    const logged = await buildApp(testConfig({ LOG_LEVEL: 'info' }), {
      logStream: { write: (line) => lines.push(line) }
    })
    await logged.ready()
    const staff = await signInStaff(logged, 'admin')
    await staff.request({
      method: 'POST',
      url: '/api/v1/staff/veterans',
      payload: {
        name: '日志',
        idNumber: '41990219700101001X',
        districtCode: '419902',
        category: 'soldier',
        phone: '13811112222'
      }
    })
    await logged.inject({ method: 'GET', url: '/api/v1/nothing?idNumber=419902195803120313&phone=13800138000' })
    logged.log.info({ body: { password: 'secret-pass', idNumber: '419902195803120313' } }, 'person 13800138000 called')
    logged.log.error({ err: new Error('no record for 419902195803120313') }, 'lookup failed')
    await logged.close()
    const text = lines.join('\n')
    expect(lines.length).toBeGreaterThan(3)
    expect(text).not.toContain('419902195803120313')
    expect(text).not.toContain('13800138000')
    expect(text).not.toContain('13811112222')
    expect(text).not.toContain('secret-pass')
    expect(text).not.toContain(staff.accessToken)
    expect(text).toContain('[PHONE]')
    expect(text).toContain('no record for [ID-NUMBER]')
  })

  it('scrubs ID numbers and mobiles from any text', () => {
    expect(scrubText('id 11010519491231002X tel 13800138000 ok')).toBe('id [ID-NUMBER] tel [PHONE] ok')
  })
})

describe('the H5 app at /', () => {
  it('serves files, falls back to index.html for page routes, and keeps API 404s as JSON', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const dir = mkdtempSync(path.join(tmpdir(), 'h5-'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>M市退役军人服务</title>')
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log(1)')
    const web = await buildTestApp({ SEED: 'none', H5_DIR: dir })
    const root = await web.inject('/')
    expect(root.statusCode).toBe(200)
    expect(root.body).toContain('M市退役军人服务')
    const deepLink = await web.inject('/pages/me/index?from=share')
    expect(deepLink.statusCode).toBe(200)
    expect(deepLink.headers['content-type']).toMatch(/html/)
    expect((await web.inject('/js/app.js')).body).toBe('console.log(1)')
    writeFileSync(path.join(dir, 'js', 'rebuilt.js'), 'console.log(2)')
    expect((await web.inject('/js/rebuilt.js')).body).toBe('console.log(2)')
    expect((await web.inject('/js/missing.js')).statusCode).toBe(404)
    const api = await web.inject('/api/v1/nothing')
    expect(api.statusCode).toBe(404)
    expect(api.json().error.code).toBe('NOT_FOUND')
    await web.close()
  })
})

describe('WAL checkpoints', () => {
  it('are made in the background: a new record reaches the database file without the app checkpointing', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const dir = mkdtempSync(path.join(tmpdir(), 'wal-'))
    const file = path.join(dir, 'db.sqlite')
    const fileApp = await buildTestApp({ SEED: 'none', DATABASE_URL: `file:${file}` })
    expect(fileApp.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    await signInWechat(fileApp, 'checkpoint-witness')
    const inMainFile = () => readFileSync(file).includes('checkpoint-witness')
    const deadline = Date.now() + 5000
    while (!inMainFile() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(inMainFile()).toBe(true)
    await fileApp.close()
    rmSync(dir, { recursive: true, force: true })
  })
})

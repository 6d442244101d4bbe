import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { chooseEncoding } from '../src/plugins/compression'
import { buildTestApp, signInWechat } from '../src/testing/index'

// What a phone on a slow network is sent: the H5 files as their build-time .br/.gz copies with long cache lifetimes
// for hashed names, and larger API answers compressed on the fly.

const SCRIPT = `console.log(${JSON.stringify('退役军人'.repeat(400))})`

describe('H5 files and API answers on the wire', () => {
  let app: FastifyInstance
  let dir: string

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'h5-compressed-'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>M市退役军人服务</title>')
    mkdirSync(path.join(dir, 'js'))
    const script = path.join(dir, 'js', 'app.3f2a9c1b.js')
    writeFileSync(script, SCRIPT)
    writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT))
    writeFileSync(`${script}.gz`, gzipSync(SCRIPT))
    writeFileSync(path.join(dir, 'manifest.json'), '{}')
    app = await buildTestApp({ H5_DIR: dir })
  })
  afterAll(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends the brotli copy to a browser that accepts it, gzip to one that accepts only gzip, the file itself otherwise', async () => {
    const br = await app.inject({ url: '/js/app.3f2a9c1b.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT)
    expect(br.headers['content-type']).toMatch(/javascript/)

    const gz = await app.inject({ url: '/js/app.3f2a9c1b.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT)

    const plain = await app.inject({ url: '/js/app.3f2a9c1b.js', headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(SCRIPT)
  })

  it('caches hashed files for a year, other files for an hour, and has the page itself checked each time', async () => {
    const hashed = await app.inject({ url: '/js/app.3f2a9c1b.js', headers: { 'accept-encoding': 'br' } })
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await app.inject('/manifest.json')).headers['cache-control']).toBe('public, max-age=3600')
    expect((await app.inject('/')).headers['cache-control']).toBe('no-cache')
    expect((await app.inject('/pages/me/index')).headers['cache-control']).toBe('no-cache')
  })

  it('compresses a large API answer for a client that accepts it, and leaves small ones as they are', async () => {
    const session = await signInWechat(app, 'compression-reader')
    const large = await session.request({ url: '/api/v1/policies?limit=50', headers: { 'accept-encoding': 'gzip' } })
    expect(large.statusCode).toBe(200)
    expect(large.headers['content-encoding']).toBe('gzip')
    const body = JSON.parse(gunzipSync(large.rawPayload).toString()) as { items: unknown[] }
    expect(body.items.length).toBeGreaterThan(0)
    expect(large.rawPayload.length).toBeLessThan(gunzipSync(large.rawPayload).length / 2)

    const again = await session.request({ url: '/api/v1/policies?limit=50', headers: { 'accept-encoding': 'gzip' } })
    expect(gunzipSync(again.rawPayload).toString()).toBe(gunzipSync(large.rawPayload).toString())
    expect(again.headers.vary).toMatch(/accept-encoding/i)

    const small = await app.inject({ url: '/healthz', headers: { 'accept-encoding': 'gzip, br' } })
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.json()).toEqual({ status: 'ok' })

    const unasked = await session.request({ url: '/api/v1/policies?limit=50' })
    expect(unasked.headers['content-encoding']).toBeUndefined()
    expect(unasked.json<{ items: unknown[] }>().items.length).toBe(body.items.length)
  })
})

describe('the encoding chosen from Accept-Encoding', () => {
  it('prefers brotli, falls back to gzip, and honours q=0 as a refusal', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(chooseEncoding('*')).toBe('gzip')
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('gzip;q=0')).toBeNull()
    expect(chooseEncoding(undefined)).toBeNull()
  })
})

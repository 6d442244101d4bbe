import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { query } from '../src/db/query'
import { buildTestApp, signInWechat, type Session } from '../src/testing/index'

// Found by the OpenAPI fuzzer (tests/security): a multipart body cut short was a 500.
const BOUNDARY = 'cut-short'
const PNG_START = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe('POST /uploads with a broken multipart body', () => {
  let app: FastifyInstance
  let resident: Session
  beforeAll(async () => {
    app = await buildTestApp({ SEED: 'none' })
    resident = await signInWechat(app, 'uploader')
  })
  afterAll(async () => app.close())

  it.for([
    ['cut inside a part header', Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-da`)],
    [
      'cut inside the file',
      Buffer.concat([
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
        PNG_START
      ])
    ]
  ])('answers a body %s with 400 VALIDATION_FAILED, and stores nothing', async ([, payload]) => {
    const response = await resident.request({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'body' }] } })
    expect(await query(app.db, 'SELECT count(*) FROM uploads').value()).toBe(0)
  })
})

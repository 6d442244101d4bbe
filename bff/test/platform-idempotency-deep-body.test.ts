import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff } from '../src/testing/index'

// Found by the OpenAPI fuzzer (tests/security): JSON.parse accepts 10,000 levels of nesting, JSON.stringify does
// not, and an idempotent route hashes the body it was sent even when it reads none.
describe('an Idempotency-Key with a body nested 10,000 levels deep', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(async () => app.close())

  it('is refused with 400 VALIDATION_FAILED naming the body, not a 500', async () => {
    const admin = await signInStaff(app, 'admin')
    for (const body of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/staff/notices/any-notice/send',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-body' },
        payload: body
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ path: 'body' }] }
      })
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { query } from '../src/db/query'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'

// Found by the OpenAPI fuzzer (tests/security): an import file cut short was a 500.
const BOUNDARY = 'cut-short'

describe('registry import with a broken multipart body', () => {
  let app: FastifyInstance
  let admin: Session
  beforeAll(async () => {
    app = await buildTestApp()
    admin = await signInStaff(app, 'admin')
  })
  afterAll(async () => app.close())

  it.for(['/api/v1/staff/veterans/import/preview', '/api/v1/staff/veterans/import?dryRun=false'])(
    '%s answers 400 VALIDATION_FAILED for a file cut short, and starts no job',
    async (url) => {
      const response = await admin.request({
        method: 'POST',
        url,
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\n\r\n姓名,身份证号\r\n`
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ path: 'body' }] }
      })
      expect(await query(app.db, 'SELECT count(*) FROM import_jobs').value()).toBe(0)
    }
  )
})

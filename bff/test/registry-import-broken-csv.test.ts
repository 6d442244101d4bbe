import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app'
import { signInStaff, testConfig, type Session } from '../src/testing/index'

// Found by the OpenAPI fuzzer (tests/security): a CSV whose header and first rows read well but which breaks later
// (a quote never closed) was accepted, as it should be, but then logged as an error of ours.
describe('an import whose CSV breaks part-way', () => {
  let app: FastifyInstance
  let admin: Session
  const levels: number[] = []

  beforeAll(async () => {
    app = await buildApp(testConfig({ LOG_LEVEL: 'warn' }), {
      logStream: { write: (line) => void levels.push((JSON.parse(line) as { level: number }).level) }
    })
    await app.ready()
    admin = await signInStaff(app, 'admin')
  })
  afterAll(async () => app.close())

  it('ends the job as failed, saying why, and logs it as the file’s fault (a warning), not an error', async () => {
    const csv = '姓名,身份证号,区县代码,类别\r\n测试,419903199203159871,419903,soldier\r\n"没有闭合,1,2,3\r\n'
    const started = await admin.request({
      method: 'POST',
      url: '/api/v1/staff/veterans/import?dryRun=true',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload: `--b\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\n\r\n${csv}\r\n--b--\r\n`
    })
    expect(started.statusCode, started.body).toBe(202)
    const url = `/api/v1/staff/imports/${started.json().jobId}`
    let job = (await admin.request({ method: 'GET', url })).json()
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20))
      job = (await admin.request({ method: 'GET', url })).json()
    }
    expect(job.status).toBe('failed')
    expect(job.failure).toContain('引号没有闭合')
    expect(levels).toContain(40)
    expect(levels.filter((level) => level >= 50)).toEqual([])
  })
})

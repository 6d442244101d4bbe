import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '@veterans/bff/testing'
import { idSourceOf } from './callers'
import { Fuzzer } from './fuzzer'
import { loadOperations } from './operations'
import { watchTableWrites, type TableWrites } from './table-writes'

// Every operation of the checked-in contract gets hostile input (fast-check), called by an account the route lets
// in. FUZZ_RUNS sets the random requests per operation (default fits the suite's 90 s budget on two shared cores);
// FUZZ_SEED replays a run; FUZZ_ONLY (text in the operation's name) fuzzes only some operations. CI uses a fixed
// seed, so a red build is the change's doing and replays as it is; elsewhere each run explores new input.
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20261205 : Date.now() % 2 ** 31))

const operations = loadOperations()
const fuzzed = operations.filter((op) => op.name.includes(process.env.FUZZ_ONLY ?? ''))

describe('fuzzing every operation of shared/openapi.json', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>
  let writes: TableWrites
  let fuzzer: Fuzzer
  const errorLogs: string[] = []
  const started = Date.now()

  beforeAll(async () => {
    // Due jobs stay idle, so every write the database sees comes from the request just sent.
    app = await buildTestApp(
      { JOB_POLL_MS: String(24 * 3600_000), LOG_LEVEL: 'error' },
      { logStream: { write: (line: string) => void errorLogs.push(line) } }
    )
    writes = watchTableWrites(app.sqlite)
    fuzzer = new Fuzzer(app, writes, { numRuns: NUM_RUNS, seed: SEED })
    // The demo data has no import job; one exists before the job routes are fuzzed, so that valid ids reach them.
    const admin = await fuzzer.callers.session('admin')
    const started = await admin.request({
      method: 'POST',
      url: '/api/v1/staff/veterans/import?dryRun=true',
      headers: { 'content-type': 'multipart/form-data; boundary=seed' },
      payload:
        '--seed\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\n\r\n' +
        '姓名,身份证号,区县代码,类别\r\n测试,419903199203159871,419903,soldier\r\n--seed--\r\n'
    })
    expect(started.statusCode, started.body).toBe(202)
    const job = `/api/v1/staff/imports/${started.json().jobId}`
    while ((await admin.request({ method: 'GET', url: job })).json().status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })

  afterAll(async () => {
    const t = fuzzer.totals
    console.log(
      `[fuzz] operations=${t.operations} requests=${t.requests} 2xx=${t['2xx']} 4xx=${t['4xx']} 5xx=${t['5xx']} ` +
        `refused-with-writes=${t.refusedWithWrites} runs/op=${NUM_RUNS} seed=${SEED} ` +
        `seconds=${((Date.now() - started) / 1000).toFixed(1)} callers=${JSON.stringify(t.callers)}`
    )
    await app.close()
  })

  it('knows every operation’s path parameters, and sees the writes of a request', async () => {
    const unmapped = operations.flatMap((op) =>
      op.pathParams.filter((p) => !idSourceOf(op, p.name)).map((p) => `${op.name} {${p.name}}`)
    )
    expect(unmapped).toEqual([])
    expect(operations.length).toBeGreaterThan(100)
    expect(writes.tables).toEqual(
      expect.arrayContaining(['users', 'veterans', 'bookings', 'threads', 'failed_attempts', 'idempotency_keys'])
    )
    // The watcher can fail this suite: a request that writes shows up in it.
    writes.take()
    const laowang = await fuzzer.callers.session('laowang')
    const renamed = await laowang.request({ method: 'PATCH', url: '/api/v1/me', payload: { displayName: '老王' } })
    expect(renamed.statusCode).toBe(200)
    expect(writes.take()).toContain('users')
  })

  for (const op of fuzzed) {
    it(`${op.name}: no 5xx, the contract’s error bodies, nothing stored when refused, no pollution`, async () => {
      expect(await fuzzer.fuzz(op)).toEqual([])
      expect(await fuzzer.callers.ended()).toEqual([])
    })
  }

  it('is still up, logged no error, and Object.prototype is untouched', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200)
    expect((await app.inject('/readyz')).statusCode).toBe(200)
    expect(errorLogs.map((line) => line.slice(0, 400))).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})

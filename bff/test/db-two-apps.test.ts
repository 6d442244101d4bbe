import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { buildTestApp, signInStaff } from '../src/testing/index'

// Two apps on one database file in one process, as the search benchmark opens a "cold" second app next to the
// first: the second answers, each sees the other's writes, and once both are closed the process can finish.
let dir: string
let databaseUrl: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'two-apps-'))
  databaseUrl = `file:${path.join(dir, 'db.sqlite')}`
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const SEARCH = '/api/v1/policies?q=%E5%B0%B1%E4%B8%9A' // 就业

describe('two apps on one database file', () => {
  it('answers on the second app, shares writes both ways, and closes both', async () => {
    const first = await buildTestApp({ DATABASE_URL: databaseUrl })
    const second = await buildTestApp({ DATABASE_URL: databaseUrl, SEED: 'none' })
    try {
      const onFirst = await first.inject(SEARCH)
      const onSecond = await second.inject(SEARCH)
      expect(onSecond.statusCode).toBe(200)
      expect(onSecond.json().total).toBeGreaterThan(0)
      expect(onSecond.json().total).toBe(onFirst.json().total)

      // A session started on one app is known to the other: the write went to the shared file.
      const session = await signInStaff(second, 'city')
      const me = await first.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${session.accessToken}` } })
      expect(me.statusCode).toBe(200)
    } finally {
      await second.close()
    }
    expect((await first.inject(SEARCH)).statusCode).toBe(200)
    await first.close()
  })

  // In its own process: in a test worker other handles keep the process alive and would hide a close() that only
  // settles while something else runs.
  it('lets a process that opened, used and closed both apps finish', async () => {
    const src = (file: string) => JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, '../src', file)).href)
    const script = `
      import { buildTestApp } from ${src('testing/index.ts')}
      const first = await buildTestApp({ DATABASE_URL: ${JSON.stringify(databaseUrl)} })
      const statuses = [(await first.inject(${JSON.stringify(SEARCH)})).statusCode]
      const second = await buildTestApp({ DATABASE_URL: ${JSON.stringify(databaseUrl)}, SEED: 'none' })
      statuses.push((await second.inject(${JSON.stringify(SEARCH)})).statusCode)
      await second.close()
      await first.close()
      console.log(JSON.stringify({ statuses, closed: true }))
    `
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: path.resolve(import.meta.dirname, '..'),
      timeout: 50_000
    })
    // An unsettled top-level await ends the process with code 13 and nothing printed.
    const { stdout } = await run.catch((error: { code?: number; stderr?: string }) => {
      throw new Error(`the process ended with code ${error.code}: ${error.stderr ?? ''}`)
    })
    expect(JSON.parse(stdout.trim())).toEqual({ statuses: [200, 200], closed: true })
  }, 60_000)
})

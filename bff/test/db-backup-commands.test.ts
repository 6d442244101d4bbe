import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInWechat, testEnv } from '../src/testing/index'
import { readDatabase, runScript } from './db-backup-helpers'

// `pnpm --filter @veterans/bff backup <file>` as an operator runs it, next to a running app: what it prints, and
// one clear line (no stack trace) when it cannot do what was asked.

const dir = mkdtempSync(path.join(tmpdir(), 'veterans-backup-cli-'))
const env = { DATABASE_URL: `file:${path.join(dir, 'veterans.db')}` }
const scriptEnv = Object.fromEntries(Object.entries(testEnv(env)).filter((e): e is [string, string] => !!e[1]))
let app: FastifyInstance

beforeAll(async () => {
  app = await buildTestApp(env)
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /)

describe('backup command', () => {
  it('backs up while the app runs and writes, and prints the size and time', async () => {
    const resident = await signInWechat(app, 'zhangmin')
    const asked = await resident.request({
      method: 'POST',
      url: '/api/v1/threads',
      payload: { category: 'preferential', subject: '优待证', body: '备份之前的问题' }
    })
    expect(asked.statusCode).toBe(201)
    const target = path.join(dir, 'manual.db')
    // Relative to where the command was typed (pnpm says so in INIT_CWD), not to bff/ where the script runs.
    const done = await runScript('backup', ['manual.db'], { ...scriptEnv, INIT_CWD: dir })
    expect(done.stderr).toBe('')
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(new RegExp(`Backed up .* to ${target}: \\d+\\.\\d MB in \\d+\\.\\d s`))
    const subjects = readDatabase(target, (db) => db.prepare('SELECT subject FROM threads').pluck().all())
    expect(subjects).toContain('优待证')
    // The app still answers and writes after it.
    const again = await resident.request({
      method: 'POST',
      url: '/api/v1/threads',
      payload: { category: 'preferential', subject: '之后', body: '备份之后的问题' }
    })
    expect(again.statusCode).toBe(201)
  })

  it('never overwrites a file', async () => {
    const target = path.join(dir, 'taken.db')
    writeFileSync(target, 'an older backup')
    const refused = await runScript('backup', [target], scriptEnv)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`${target} already exists: choose another name`)
    noStackTrace(refused.stderr)
  })

  it('says when the folder is missing, and leaves nothing behind', async () => {
    const refused = await runScript('backup', [path.join(dir, 'no-such-folder', 'b.db')], scriptEnv)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`The folder ${path.join(dir, 'no-such-folder')} does not exist`)
    noStackTrace(refused.stderr)
    expect(existsSync(path.join(dir, 'no-such-folder'))).toBe(false)
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([])
  })

  it('says how to call it when the file is not given', async () => {
    const usage = await runScript('backup', [], scriptEnv)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: pnpm --filter @veterans/bff backup <file>')
  })
})

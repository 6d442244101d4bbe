import { afterEach, expect, test } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

// Several instances started together on a new database file (the cluster's first start): each opens it and
// applies the migrations; all of them must start, and every migration must be applied exactly once.

const BFF_DIR = path.resolve(import.meta.dirname, '..')
const MIGRATIONS = readdirSync(path.join(BFF_DIR, 'src', 'db', 'migrations')).filter((f) => f.endsWith('.sql'))
let dir: string

afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A process that opens the file at `at` (ms since epoch) and reports how that went. */
function opener(file: string, at: number) {
  const code = `
    const { openDatabase } = await import(${JSON.stringify(path.join(BFF_DIR, 'src', 'db', 'client.ts'))})
    while (Date.now() < ${at}) {}
    openDatabase(${JSON.stringify(file)}).sqlite.close()
  `
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: BFF_DIR,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

test('instances opening a new database at the same moment all start, each migration applied once', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'concurrent-start-'))
  const file = path.join(dir, 'veterans.db')
  const at = Date.now() + 4000
  const results = await Promise.all([opener(file, at), opener(file, at), opener(file, at), opener(file, at)])
  expect(
    results.map((r) => (r.code === 0 ? 'started' : r.stderr.split('\n').find((l) => l.includes('Error'))))
  ).toEqual(['started', 'started', 'started', 'started'])
  const db = new Database(file, { readonly: true })
  try {
    const applied = db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    expect(applied.n).toBe(MIGRATIONS.length)
  } finally {
    db.close()
  }
}, 30_000)

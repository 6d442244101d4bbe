import { randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { link, open, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

// Online backup by `VACUUM INTO` on a connection of its own, in a worker thread:
// - it reads one snapshot (a WAL read transaction), so the server keeps writing meanwhile and the copy is
//   consistent. The backup API (`db.backup()`) copies pages in steps, and a step after another connection's commit
//   starts the copy over: under steady writes it may never finish, unless done in one step, which is no better;
// - it writes live rows only: bytes left in free pages and free space of pages (words erased from closed
//   accounts' threads, say) are not carried into files that are kept for days; the copy is also compact;
// - in a worker it costs the event loop nothing (the copy runs on the other core).
// SQLite does not sync the file VACUUM INTO writes: it is synced here before being renamed into place.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.driver)
function copyAndCheck() {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    source.prepare('VACUUM INTO ?').run(workerData.temp)
  } finally {
    source.close()
  }
  const copy = new Database(workerData.temp, { readonly: true })
  try {
    return copy.pragma('integrity_check').map((row) => row.integrity_check)
  } finally {
    copy.close()
  }
}
try {
  parentPort.postMessage({ problems: copyAndCheck() })
} catch (error) {
  parentPort.postMessage({ failure: String(error && error.message) })
}
`

/** A backup that could not be made, with a message for the operator (no stack trace needed). */
export class BackupError extends Error {
  override name = 'BackupError'
}

export interface BackupResult {
  file: string
  bytes: number
  ms: number
}

/**
 * Copies the database `source` (which a server may be writing) to the new file `target`: written under a temporary
 * name beside it, checked with `PRAGMA integrity_check`, synced, and only then given its name. Never overwrites.
 * `signal` abandons the copy (the server shutting down); nothing is left behind.
 */
export async function backupDatabase(source: string, target: string, signal?: AbortSignal): Promise<BackupResult> {
  const started = performance.now()
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}`)
  const folder = path.dirname(target)
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new BackupError(`The folder ${folder} does not exist: create it first`)
  if (existsSync(target)) throw new BackupError(`${target} already exists: choose another name`)

  const temp = `${target}.partial-${randomBytes(4).toString('hex')}`
  try {
    const problems = await vacuumInto(source, temp, signal)
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new BackupError(`The copy failed its integrity check: ${problems.slice(0, 5).join('; ')}`)
    await syncFile(temp)
    // link() fails if the name was taken meanwhile, where rename() would replace that file.
    await link(temp, target).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new BackupError(`${target} already exists: choose another name`) : error
    })
    await syncFile(folder)
  } finally {
    await rm(temp, { force: true })
  }
  return { file: target, bytes: (await stat(target)).size, ms: Math.round(performance.now() - started) }
}

/** Runs VACUUM INTO and the integrity check in a worker; resolves with the check's lines ('ok' alone if sound). */
function vacuumInto(source: string, temp: string, signal?: AbortSignal): Promise<string[]> {
  if (signal?.aborted) return Promise.reject(new BackupError('Backup abandoned'))
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, source, temp } })
  return new Promise<string[]>((resolve, reject) => {
    const abandon = () => {
      reject(new BackupError('Backup abandoned'))
      void worker.terminate()
    }
    signal?.addEventListener('abort', abandon, { once: true })
    worker.once('message', (message: { problems?: string[]; failure?: string }) =>
      message.problems ? resolve(message.problems) : reject(new BackupError(`The copy failed: ${message.failure}`))
    )
    worker.once('error', (error) => reject(error instanceof Error ? new BackupError(error.message) : error))
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', abandon)
      reject(new BackupError(`The backup stopped (exit code ${code})`))
    })
  }).finally(() => worker.terminate())
}

/** fsync through the thread pool: a big file's sync does not hold up the event loop. */
async function syncFile(file: string) {
  const handle = await open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Runs in the worker: its own connection, checkpointing on a timer. PASSIVE never blocks the app's readers or
// writers; it copies what it can and leaves the rest for the next round.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (error) { parentPort.postMessage({ error: String(error) }) }
}, workerData.intervalMs)
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

/**
 * Moves WAL checkpoints off the request path. With SQLite's automatic checkpoint, the commit that crosses the
 * threshold copies the WAL into the database file (and syncs it) before its request can answer — the slowest
 * requests under load were those. A worker thread on the other core does it instead, every `intervalMs`.
 * The app's connection must have `wal_autocheckpoint = 0`.
 */
export function startCheckpointer(file: string, onError: (message: string) => void, intervalMs = 500) {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } })
  worker.on('message', (message: { error?: string }) => message.error && onError(message.error))
  worker.on('error', (error) => onError(String(error)))
  // Listened for from the start: a worker that already ended (it could not open the file, say) must not leave
  // stop() waiting for an exit that has been and gone.
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  worker.unref()
  return {
    async stop() {
      // An unref'd worker keeps nothing alive: while stop() waits, the process could run out of work and exit
      // with close() never settled (exit code 13 at a top-level await). Ref'd again, it is waited for.
      worker.ref()
      worker.postMessage('stop')
      await exited
    }
  }
}

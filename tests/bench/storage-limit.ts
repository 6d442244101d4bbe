// The storage limit of writes on this machine: better-sqlite3 alone inserting message-sized rows into a WAL file
// database, one commit per row (synchronous FULL, then NORMAL) and many rows in one transaction. No server can
// commit single writes faster than the first figure without sharing commits (the BFF's group commit does).
import { createRequire } from 'node:module'
import path from 'node:path'

interface Sqlite {
  prepare(sql: string): { run(...params: unknown[]): unknown }
  transaction(fn: () => void): () => void
  pragma(text: string): unknown
  exec(sql: string): unknown
  close(): void
}
// better-sqlite3 as the BFF itself resolves it.
const Database = createRequire(createRequire(import.meta.url).resolve('@veterans/bff'))('better-sqlite3') as new (
  file: string
) => Sqlite

const BODY = '您好，请问退役金每月几号发放？我上个月的还没有到账，需要带哪些材料去服务中心？'
const BATCH_ROWS = 50_000

export interface StorageLimit {
  /** Single inserts per second, each its own commit. */
  singleFull: number
  singleNormal: number
  /** Rows per second inserted in one transaction. */
  batched: number
}

function open(file: string, synchronous: 'FULL' | 'NORMAL') {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${synchronous}`)
  sqlite.exec(`CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, body TEXT NOT NULL,
    created_at TEXT NOT NULL); CREATE INDEX IF NOT EXISTS rows_thread ON rows (thread_id, created_at)`)
  return sqlite
}

let sequence = 0
const row = () => {
  const n = sequence++
  return [`row-${String(n).padStart(12, '0')}`, `thread-${n % 500}`, `${BODY}（${n}）`, new Date().toISOString()]
}

/** Single-row commits for `seconds`: rows per second. */
function singleInserts(file: string, synchronous: 'FULL' | 'NORMAL', seconds: number) {
  const sqlite = open(file, synchronous)
  const insert = sqlite.prepare('INSERT INTO rows VALUES (?, ?, ?, ?)')
  const started = performance.now()
  const until = started + seconds * 1000
  let n = 0
  while (performance.now() < until) {
    insert.run(...row())
    n++
  }
  const perSecond = n / ((performance.now() - started) / 1000)
  sqlite.close()
  return perSecond
}

/** Measures the three figures in files of `dir`, `seconds` for each single-insert loop. */
export function measureStorageLimit(dir: string, seconds: number): StorageLimit {
  const file = path.join(dir, 'storage-limit.db')
  const singleFull = singleInserts(file, 'FULL', seconds)
  const singleNormal = singleInserts(file, 'NORMAL', seconds)
  const sqlite = open(file, 'FULL')
  const insert = sqlite.prepare('INSERT INTO rows VALUES (?, ?, ?, ?)')
  const started = performance.now()
  sqlite.transaction(() => {
    for (let i = 0; i < BATCH_ROWS; i++) insert.run(...row())
  })()
  const batched = BATCH_ROWS / ((performance.now() - started) / 1000)
  sqlite.close()
  return { singleFull, singleNormal, batched }
}

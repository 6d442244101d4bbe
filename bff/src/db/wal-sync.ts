import { closeSync, fdatasync, openSync } from 'node:fs'
import { clientOf, perConnection, statement, type Db } from './client'

// Under synchronous = FULL, SQLite syncs the WAL inside every COMMIT, and the event loop waits for the disk:
// nothing else is served meanwhile (a few milliseconds per commit on a busy disk, more than the writes cost).
// Group commits run at NORMAL instead (the WAL frames are written, not yet synced) and the WAL is then synced on
// a libuv thread while the loop goes on; their writes are answered only when that sync is done. So, as with FULL,
// an answered write is on disk; a power cut can only lose writes nobody was told about. Unlike FULL, another
// request may read such a write during the sync. One sync at a time: each covers every commit made before it.

/** The disk call, in an object so that tests can watch it. */
export const walDisk = {
  datasync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => fdatasync(fd, done)
}

interface Waiting {
  /** Called once the WAL is on disk, or with the error that kept it from getting there. */
  done(error?: Error): void
}

interface Wal {
  /** FULL on a WAL file: commits of groups leave their sync to syncWal. */
  deferred: boolean
  file: string
  /** The WAL file, kept open between syncs (opening and closing it for each cost more than the sync's call). */
  fd: number | null
  waiting: Waiting[]
  syncing: boolean
  /** What waits for the running sync to end (whenSyncIdle). */
  idle: (() => void)[]
  failure: Error | null
}

const walOf = perConnection((db): Wal => {
  const sqlite = clientOf(db)
  const deferred =
    !sqlite.memory &&
    sqlite.pragma('journal_mode', { simple: true }) === 'wal' &&
    sqlite.pragma('synchronous', { simple: true }) === 2
  return { deferred, file: `${sqlite.name}-wal`, fd: null, waiting: [], syncing: false, idle: [], failure: null }
})

/**
 * Runs a transaction (`commit`, which must end within this turn of the event loop: see group-commit.ts) so that its
 * sync does not hold the event loop: at NORMAL, the connection left at FULL for every other transaction. Without
 * FULL (NORMAL configured, or an in-memory database) it just runs.
 */
export async function commitWithoutSync<T>(db: Db, commit: () => Promise<T>): Promise<T> {
  if (!walOf(db).deferred) return commit()
  statement(db, 'PRAGMA synchronous = NORMAL').run()
  try {
    return await commit()
  } finally {
    statement(db, 'PRAGMA synchronous = FULL').run()
  }
}

/** Calls `done` once everything committed so far is on disk (at once when commits sync themselves). */
export function afterWalSync(db: Db, done: Waiting['done']) {
  const wal = walOf(db)
  if (!wal.deferred) return done()
  // After a failed sync the disk may have dropped what it was given, and later commits build on it: they all fail.
  if (wal.failure) return done(wal.failure)
  wal.waiting.push({ done })
  if (!wal.syncing) void syncWal(wal)
}

/**
 * Calls `next` once no sync is running (at once when none is): a group that commits meanwhile would only wait for
 * the sync after it, so writes arriving during a sync gather into the next group instead, and each commit and each
 * sync serves more of them.
 */
export function whenSyncIdle(db: Db, next: () => void) {
  const wal = walOf(db)
  if (!wal.syncing) return next()
  wal.idle.push(next)
}

async function syncWal(wal: Wal) {
  wal.syncing = true
  while (wal.waiting.length > 0) {
    const covered = wal.waiting.splice(0)
    try {
      await datasync(wal)
    } catch (error) {
      wal.failure = error instanceof Error ? error : new Error(String(error))
    }
    for (const waiting of covered) waiting.done(wal.failure ?? undefined)
  }
  wal.syncing = false
  for (const next of wal.idle.splice(0)) next()
}

function datasync(wal: Wal): Promise<void> {
  if (wal.fd === null) {
    try {
      wal.fd = openSync(wal.file, 'r')
    } catch (error) {
      // The last connection closed meanwhile: its checkpoint synced the WAL into the database and removed it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve()
      throw error
    }
  }
  const fd = wal.fd
  return new Promise((resolve, reject) => walDisk.datasync(fd, (error) => (error ? reject(error) : resolve())))
}

/** Lets go of the WAL file before the connection closes (and removes it). */
export function releaseWalSync(db: Db) {
  const wal = walOf(db)
  if (wal.fd === null) return
  closeSync(wal.fd)
  wal.fd = null
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { clientOf, openDatabase, type Db } from '../src/db/client'
import { groupCommit } from '../src/db/group-commit'
import { walDisk } from '../src/db/wal-sync'

// Under synchronous = FULL a group commit is answered only once its WAL frames are on disk, and the disk's sync
// happens off the event loop: other requests go on meanwhile, and writes arriving during a sync gather into the
// next group. The sync is watched at the disk call (walDisk).

let dir: string
let sqlite: Database.Database
let db: Db
/** What happened, in order: writes run, WAL syncs begun and ended, writes answered. */
let events: string[]
let syncDelayMs: number
let syncFailure: Error | null

async function openWith(synchronous: 'full' | 'normal') {
  ;({ db, sqlite } = openDatabase(path.join(dir, `${synchronous}.db`), { synchronous }))
  sqlite.exec('CREATE TABLE marks (n INTEGER PRIMARY KEY)')
}

const write = (n: number) =>
  groupCommit(db, () => {
    events.push(`write ${n}`)
    clientOf(db).prepare('INSERT INTO marks (n) VALUES (?)').run(n)
  }).then(() => events.push(`answered ${n}`))

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wal-sync-'))
  events = []
  syncDelayMs = 0
  syncFailure = null
  const datasync = walDisk.datasync
  vi.spyOn(walDisk, 'datasync').mockImplementation((fd, done) => {
    events.push('sync begun')
    setTimeout(() => {
      if (syncFailure) return done(syncFailure)
      datasync(fd, (error) => {
        events.push('sync ended')
        done(error)
      })
    }, syncDelayMs)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('WAL sync of group commits', () => {
  it('under FULL, answers a write after its WAL is synced, and leaves the connection at FULL', async () => {
    await openWith('full')
    await write(1)
    expect(events).toEqual(['write 1', 'sync begun', 'sync ended', 'answered 1'])
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
  })

  it('keeps the event loop free while it syncs; writes arriving meanwhile commit together after it, one sync covering them', async () => {
    await openWith('full')
    syncDelayMs = 100
    const first = write(1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(events).toEqual(['write 1', 'sync begun'])
    const later = [write(2), write(3)]
    await Promise.all([first, ...later])
    expect(events).toEqual([
      'write 1',
      'sync begun',
      'sync ended',
      'answered 1',
      'write 2',
      'write 3',
      'sync begun',
      'sync ended',
      'answered 2',
      'answered 3'
    ])
  })

  it('fails the writes a failed sync covered, and every later one (the disk may have dropped them)', async () => {
    await openWith('full')
    syncFailure = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })
    await expect(write(1)).rejects.toThrow('EIO')
    syncFailure = null
    await expect(write(2)).rejects.toThrow('EIO')
    expect(events.filter((e) => e.startsWith('answered'))).toEqual([])
  })

  it('under NORMAL, answers at the commit: the app syncs nothing itself', async () => {
    await openWith('normal')
    await write(1)
    expect(events).toEqual(['write 1', 'answered 1'])
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1)
  })
})

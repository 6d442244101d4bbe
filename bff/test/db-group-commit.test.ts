import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { clientOf, openDatabase, type Db } from '../src/db/client'
import { groupCommit, WriteLeftTheTurn } from '../src/db/group-commit'

// Writes handed over in one turn share a commit; each must still be all-or-nothing, run in arrival order, and be
// answered only once it is durable.
let dir: string
let file: string
let db: Db
let sqlite: Database.Database
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'group-commit-'))
  file = path.join(dir, 'db.sqlite')
  ;({ db, sqlite } = openDatabase(file))
  sqlite.exec('CREATE TABLE marks (n INTEGER PRIMARY KEY, label TEXT NOT NULL)')
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

const insert = (n: number, label = `mark ${n}`) =>
  clientOf(db).prepare('INSERT INTO marks (n, label) VALUES (?, ?)').run(n, label)
const marks = (conn: Database.Database = sqlite) =>
  conn.prepare('SELECT n FROM marks ORDER BY n').pluck().all() as number[]

describe('group commit', () => {
  it('answers each write only after its commit: another connection already sees it', async () => {
    const other = new Database(file, { readonly: true })
    try {
      const seenByOther = await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          groupCommit(db, () => insert(n)).then(
            () => other.prepare('SELECT count(*) FROM marks WHERE n = ?').pluck().get(n) as number
          )
        )
      )
      expect(seenByOther).toEqual(Array.from({ length: 40 }, () => 1))
    } finally {
      other.close()
    }
  })

  it('keeps writes of one group apart: a failing write leaves nothing and its neighbours commit', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) =>
        groupCommit(db, () => {
          insert(n)
          if (n % 3 === 0) throw new Error(`refused ${n}`)
          return n
        })
      )
    )
    results.forEach((result, n) => {
      if (n % 3 === 0) expect(result).toEqual({ status: 'rejected', reason: new Error(`refused ${n}`) })
      else expect(result).toEqual({ status: 'fulfilled', value: n })
    })
    expect(marks()).toEqual(Array.from({ length: 30 }, (_, n) => n).filter((n) => n % 3 !== 0))
  })

  it('runs the writes of a turn one after the other in the order they came', async () => {
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 150 }, (_, n) =>
        groupCommit(db, () => {
          // Each sees every earlier write of the group, and none of the later ones.
          expect(marks().length).toBe(n)
          order.push(n)
          insert(n)
        })
      )
    )
    expect(order).toEqual(Array.from({ length: 150 }, (_, n) => n))
    expect(marks().length).toBe(150)
  })

  it('when one write loses the whole transaction, fails that write and runs the others again', async () => {
    const results = await Promise.allSettled([
      groupCommit(db, () => insert(1)),
      groupCommit(db, () => {
        insert(2)
        // What SQLite does on a full disk or an I/O error: the whole transaction is rolled back.
        clientOf(db).exec('ROLLBACK')
        throw new Error('disk I/O error')
      }),
      groupCommit(db, () => insert(3))
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(results[1]).toMatchObject({ reason: new Error('disk I/O error') })
    expect(marks()).toEqual([1, 3])
  })

  it('never commits a failed write that could not be undone', async () => {
    const results = await Promise.allSettled([
      groupCommit(db, () => insert(1)),
      groupCommit(db, () => {
        insert(2)
        // The write's savepoint is gone, so rolling back to it fails: its row must not reach the commit.
        clientOf(db).exec('RELEASE group_write')
        throw new Error('refused after writing')
      }),
      groupCommit(db, () => insert(3))
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(marks()).toEqual([1, 3])
  })

  it('turns a write refused by a constraint into that write’s error only', async () => {
    await groupCommit(db, () => insert(7))
    const results = await Promise.allSettled([groupCommit(db, () => insert(7)), groupCommit(db, () => insert(8))])
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } })
    expect(results[1]).toEqual({ status: 'fulfilled', value: expect.objectContaining({ changes: 1 }) })
    expect(marks()).toEqual([7, 8])
  })

  it('runs async writes that await the database one after the other, each all-or-nothing', async () => {
    const read = async (n: number) => {
      await Promise.resolve()
      return marks().includes(n)
    }
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        groupCommit(db, async () => {
          // Each sees the writes before it in the group, none after.
          expect(await read(n - 1)).toBe(n > 0 && n - 1 !== 10)
          insert(n)
          await Promise.resolve()
          if (n === 10) throw new Error('refused 10')
          return n
        })
      )
    )
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
    expect(marks()).toEqual(Array.from({ length: 20 }, (_, n) => n).filter((n) => n !== 10))
  })

  it('rolls back the whole group when a write waits for something other than the database', async () => {
    const results = await Promise.allSettled([
      groupCommit(db, () => insert(1)),
      groupCommit(db, async () => {
        insert(2)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }),
      groupCommit(db, () => insert(3))
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(results[1]).toMatchObject({ reason: expect.any(WriteLeftTheTurn) })
    expect(marks()).toEqual([])
    // The connection is usable again at once.
    await groupCommit(db, () => insert(4))
    expect(marks()).toEqual([4])
  })
})

import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migratePostgres } from '../src/db/pg/migrate'
import { runSearch, searchRequest, type SearchOutcome, type SearchRequest } from '../src/modules/policies/search/engine'
import { bumpSearchVersionPostgres, indexPolicyPostgres } from '../src/modules/policies/search/postgres-index'
import { mirrorPoliciesToPostgres } from '../src/modules/policies/search/postgres-mirror'
import { postgresSearchStore } from '../src/modules/policies/search/postgres-store'
import { sqliteSearchStore } from '../src/modules/policies/search/sqlite-store'
import type { SearchStore } from '../src/modules/policies/search/store'
import { buildTestApp } from '../src/testing/index'
import { createTestDatabase, type TestDatabase } from './pg-helpers'
import { createDraft, policyInput, publishPolicy, shanghaiDay, staffPair } from './policies-fixtures'

// The same policies (the demo corpus, plus a few of our own) indexed by the SQLite repo and mirrored into
// PostgreSQL must give the same answers through the engine: hits in order, their validity, totals, facets.

let app: FastifyInstance
let database: TestDatabase
let pool: pg.Pool
let sqliteStore: SearchStore
let postgresStore: SearchStore
let draftId: string
const today = shanghaiDay()

beforeAll(async () => {
  // Always a SQLite app, whichever database the suite runs on: this compares SQLite's search with PostgreSQL's.
  app = await buildTestApp({ DATABASE_URL: 'file::memory:', DATABASE_TEMPLATE: undefined })
  const staff = await staffPair(app)
  await publishPolicy(
    staff,
    policyInput({
      title: 'M市退役军人ETC卡办理和App使用指南',
      docNumber: 'M退役军人发〔2026〕31号',
      category: 'preferential',
      summary: '持优待证可在ETC网点办理。',
      body: '## 一、办理\n\n通过“M市退役军人”App或微信小程序申请，WiFi环境下上传照片。'
    })
  )
  draftId = await createDraft(
    staff.author,
    policyInput({ title: '退役军人档案查阅草稿', summary: '草稿中的档案查阅办法。', category: 'records' })
  )
  database = await createTestDatabase()
  await migratePostgres(database.url)
  pool = new pg.Pool({ connectionString: database.url, max: 2 })
  await mirrorPoliciesToPostgres(app.db, pool)
  sqliteStore = sqliteSearchStore(app.db)
  postgresStore = postgresSearchStore(pool)
}, 60_000)

afterAll(async () => {
  await app?.close()
  await pool?.end()
  await database?.drop()
})

type Query = Parameters<typeof searchRequest>[0]
const PUBLIC: SearchRequest['audience'] = { kind: 'public' }

/** What a client would see of an outcome: the policies in order with their validity, total, facets, relaxed. */
async function answer(store: SearchStore, query: Query, audience: SearchRequest['audience'] = PUBLIC) {
  const defaultValidity = audience.kind === 'public' ? 'in_force' : 'all'
  const outcome: SearchOutcome = await runSearch(store, searchRequest(query, defaultValidity, audience, today))
  return {
    hits: outcome.hits.map((h) => `${h.entry.id} ${h.validity}`),
    total: outcome.total,
    facets: outcome.facets,
    relaxed: outcome.relaxed
  }
}

const FINDING: Query[] = [
  { q: '医' },
  { q: '优待', validity: 'all' },
  { q: '补贴', limit: 100 },
  { q: '补贴', limit: 5, offset: 5 },
  { q: '待遇 标准', validity: 'all', limit: 100 },
  { q: '退伍' },
  { q: '退役军人优待证办理', validity: 'all' },
  { q: 'M退役军人发〔2025〕8号' },
  { q: '[2025]8号' },
  { q: 'm退役军人发［２０２５］８号' },
  { q: '财税〔2019〕21号', validity: 'expired' },
  { q: 'etc卡' },
  { q: 'App 微信' },
  { q: 'WIFI' },
  { q: '抚恤', category: 'pension', validity: 'all' },
  { q: '就业', level: 'city' },
  { validity: 'repealed' },
  { q: '证', validity: 'superseded' },
  { validity: 'all', limit: 100 },
  { category: 'medical' },
  { level: 'national', limit: 3, offset: 2 }
]
const FINDING_NOTHING: Query[] = [{ q: '量子计算机' }, { q: 'zzzz' }, { q: '医 zzzz' }, { q: '财税〔2019〕21号' }]

describe('policy search on PostgreSQL', () => {
  it.each(FINDING.map((q) => [JSON.stringify(q), q] as const))(
    'gives the same hits, totals and facets as SQLite for %s',
    async (_, query) => {
      const expected = await answer(sqliteStore, query)
      expect(expected.total).toBeGreaterThan(0)
      expect(await answer(postgresStore, query)).toEqual(expected)
    }
  )

  it.each(FINDING_NOTHING.map((q) => [JSON.stringify(q), q] as const))(
    'finds nothing where SQLite finds nothing, for %s',
    async (_, query) => {
      const expected = await answer(sqliteStore, query)
      expect(expected.total).toBe(0)
      expect(await answer(postgresStore, query)).toEqual(expected)
    }
  )

  it('gives staff the same lists, drafts included', async () => {
    for (const audience of [{ kind: 'staff' }, { kind: 'staff', workflow: 'draft' }] as const) {
      for (const query of [{ q: '档案查阅' }, { q: '退役' }, {}]) {
        const expected = await answer(sqliteStore, query, audience)
        expect(expected.total).toBeGreaterThan(0)
        expect(await answer(postgresStore, query, audience)).toEqual(expected)
      }
    }
  })

  it('takes a token that is text search syntax as a plain token', async () => {
    const store = postgresSearchStore(pool)
    for (const token of ["a'b", 'a\\b', '&|!', ':*', "医' | '证", '医:*'])
      expect(Array.from(await store.tokenRowids('all', token))).toEqual([])
    expect((await store.tokenRowids('all', '医')).length).toBeGreaterThan(0)
  })

  it('sees an update and a delete on PostgreSQL at once (the version moves, caches reload)', async () => {
    const staff = { kind: 'staff' } as const
    const before = await answer(postgresStore, { q: '档案查阅' }, staff)
    expect(before.hits.map((h) => h.split(' ')[0])).toContain(draftId)
    expect((await answer(postgresStore, { q: '琉璃瓦' }, staff)).total).toBe(0)

    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const { rows } = await client.query(
        `UPDATE policies SET title = $2, summary = $3 WHERE id = $1
         RETURNING search_rowid AS rowid, title, doc_number AS "docNumber", issuer, summary, body`,
        [draftId, '琉璃瓦修缮补助草稿', '古建筑琉璃瓦修缮的补助办法。']
      )
      await indexPolicyPostgres(client, rows[0].rowid, rows[0])
      await bumpSearchVersionPostgres(client)
      await client.query('COMMIT')
    } finally {
      client.release()
    }
    const updated = await answer(postgresStore, { q: '琉璃瓦' }, staff)
    expect(updated.hits.map((h) => h.split(' ')[0])).toEqual([draftId])
    expect((await answer(postgresStore, { q: '档案查阅' }, staff)).hits.map((h) => h.split(' ')[0])).not.toContain(
      draftId
    )

    const deleting = await pool.connect()
    try {
      await deleting.query('BEGIN')
      await deleting.query('DELETE FROM policies WHERE id = $1', [draftId])
      await bumpSearchVersionPostgres(deleting)
      await deleting.query('COMMIT')
    } finally {
      deleting.release()
    }
    expect((await answer(postgresStore, { q: '琉璃瓦' }, staff)).total).toBe(0)
    // SQLite still holds the draft: PostgreSQL lists one policy fewer.
    expect((await answer(postgresStore, {}, staff)).total).toBe((await answer(sqliteStore, {}, staff)).total - 1)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { PolicyListItem } from '@veterans/shared'
import { buildTestApp } from '../src/testing/index'
import { policyInput, publishPolicy, search, searchTitles, staffPair } from './policies-fixtures'

let app: FastifyInstance

beforeAll(async () => {
  app = await buildTestApp()
  const staff = await staffPair(app)
  await publishPolicy(
    staff,
    policyInput({ title: 'M市民政局关于孤老优抚对象照护的通知', docNumber: 'M民发〔2024〕13号' })
  )
  await publishPolicy(staff, policyInput({ title: '写着第字号的通知', docNumber: 'M政办〔2024〕第27号' }))
})
afterAll(() => app.close())

describe('document numbers as people type them', () => {
  it.each([
    'M民发〔2024〕13号',
    '2024年13号',
    '2024年第13号',
    '2024第13号',
    '〔2024〕第13号',
    '２０２４〔13〕号',
    '２０２４年１３号',
    '民发2024年13号',
    '2024 13号'
  ])('%s finds M民发〔2024〕13号 first, as typed', async (q) => {
    const response = await search(app, { q })
    const body = response.json()
    expect(body.items[0]?.docNumber, q).toBe('M民发〔2024〕13号')
    expect(body.relaxed, q).toBeUndefined()
  })

  it.each(['2024年27号', '2024第27号', '〔2024〕27号', '２０２４〔２７〕号'])(
    '%s finds a number written with 第 (M政办〔2024〕第27号)',
    async (q) => {
      expect((await searchTitles(app, { q }))[0], q).toBe('写着第字号的通知')
    }
  )

  it('leaves dates alone: 2024年12月 is not read as a document number', async () => {
    const asDate = await searchTitles(app, { q: '2024年12月', validity: 'all' })
    expect(asDate).not.toContain('M市民政局关于孤老优抚对象照护的通知')
  })
})

describe('junk and repeated characters', () => {
  it('reads one character typed many times as typed once: 医×100 is the search for 医, not a partial match', async () => {
    const once = (await search(app, { q: '医', limit: 100 })).json()
    expect(once.total).toBeGreaterThan(0)
    for (const q of ['医'.repeat(100), '医医医', ' 医医医医 ']) {
      const body = (await search(app, { q, limit: 100 })).json()
      expect(body.relaxed, q).toBeUndefined()
      expect(body.total, q).toBe(once.total)
      expect(body.items.map((i: PolicyListItem) => i.id)).toEqual(once.items.map((i: PolicyListItem) => i.id))
    }
  })

  it('answers an emoji-only query with nothing, calmly: 200, no count, no relaxed flag', async () => {
    for (const q of ['🎖️👴😀', '😀', '？', '🎖️ ！']) {
      const response = await search(app, { q })
      expect(response.statusCode, q).toBe(200)
      expect(response.json(), q).toEqual({ items: [], total: 0, facets: { category: {}, level: {} } })
    }
    // Emoji around words do not stop the words being found.
    const withWords = (await search(app, { q: '🎖️优待证😀' })).json()
    expect(withWords.total).toBe((await search(app, { q: '优待证' })).json().total)
  })

  it('says relaxed only when the words matched apart found something', async () => {
    const nothing = (await search(app, { q: '火星探测优待证办理' })).json()
    expect(nothing.total).toBe(0)
    expect(nothing.relaxed).toBeUndefined()
    // With a filter that leaves nothing, there is nothing to call a partial match either.
    const filtered = (await search(app, { q: '优待证乘车免费', validity: 'repealed' })).json()
    expect(filtered.total).toBe(0)
    expect(filtered.relaxed).toBeUndefined()
    const some = (await search(app, { q: '优待证乘车免费' })).json()
    expect(some.total).toBeGreaterThan(0)
    expect(some.relaxed).toBe(true)
  })
})

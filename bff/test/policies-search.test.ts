import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { PolicyDetail, PolicyListItem } from '@veterans/shared'
import { buildTestApp, signInWechat } from '../src/testing/index'
import {
  policyInput,
  publishPolicy,
  search,
  searchTitles,
  shanghaiDay,
  staffPair,
  type Staff
} from './policies-fixtures'

let app: FastifyInstance
let staff: Staff
/** Every published demo policy in full: the oracle for what a substring search must find. */
let corpus: PolicyDetail[]

beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffPair(app)
  const list = await search(app, { validity: 'all', limit: 100 })
  corpus = await Promise.all(
    list.json().items.map(async (i: PolicyListItem) => (await app.inject(`/api/v1/policies/${i.id}`)).json())
  )
})
afterAll(() => app.close())

const searchable = (p: PolicyDetail) =>
  [p.title, p.docNumber, p.issuer, p.summary, p.body].join('\n').normalize('NFKC').toLowerCase()
const titlesContaining = (...words: string[]) =>
  corpus
    .filter((p) => words.every((w) => searchable(p).includes(w)))
    .map((p) => p.title)
    .sort()

describe('demo corpus', () => {
  it('has at least 40 published policies across levels and topics, with expired, superseded and repealed ones', async () => {
    const response = await search(app, { validity: 'all', limit: 100 })
    const body = response.json()
    expect(body.total).toBeGreaterThanOrEqual(40)
    expect(Object.keys(body.facets.level).sort()).toEqual(['city', 'district', 'national', 'provincial'])
    expect(Object.keys(body.facets.category).length).toBeGreaterThanOrEqual(10)
    const validities = new Set(body.items.map((i: PolicyListItem) => i.validity))
    for (const v of ['in_force', 'expired', 'superseded', 'repealed']) expect(validities).toContain(v)
  })
})

describe('GET /policies search', () => {
  it.each(['医', '证', '优待', '补贴', '待遇'])(
    'finds exactly the policies containing %s (one or two characters)',
    async (q) => {
      const expected = titlesContaining(q)
      expect(expected.length).toBeGreaterThan(0)
      expect((await searchTitles(app, { q, validity: 'all' })).sort()).toEqual(expected)
    }
  )

  it('requires every term (AND)', async () => {
    const both = titlesContaining('补贴', '培训')
    const found = (await searchTitles(app, { q: '补贴 培训', validity: 'all' })).sort()
    expect(found).toEqual(both)
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThan(titlesContaining('补贴').length)
    // Full-width space separates terms too.
    expect((await searchTitles(app, { q: '补贴\u3000培训', validity: 'all' })).sort()).toEqual(both)
  })

  it('expands veterans’ synonyms: 退伍 finds policies that only say 退役', async () => {
    const onlyTuiyi = corpus.filter((p) => searchable(p).includes('退役') && !searchable(p).includes('退伍'))
    expect(onlyTuiyi.length).toBeGreaterThan(0)
    const found = await searchTitles(app, { q: '退伍', validity: 'all' })
    for (const p of onlyTuiyi) expect(found).toContain(p.title)

    expect(corpus.some((p) => searchable(p).includes('优待卡'))).toBe(false)
    expect(await searchTitles(app, { q: '优待卡' })).toContain('M市退役军人优待证服务和优待项目清单')
    expect(await searchTitles(app, { q: '残废' })).toContain('伤残抚恤管理办法')
    const response = await search(app, { q: '优待卡' })
    expect(response.json().items[0].snippet).toContain('<em>优待证</em>')
  })

  it('finds document numbers however the brackets are typed', async () => {
    for (const q of [
      'M退役军人发〔2025〕8号',
      'M退役军人发[2025]8号',
      '〔2025〕8号',
      '[2025]8号',
      '（2025）8号',
      '2025 8号',
      'm退役军人发［２０２５］８号'
    ]) {
      const titles = await searchTitles(app, { q })
      expect(titles[0], q).toBe('M市退役军人优待证服务和优待项目清单')
    }
    expect((await searchTitles(app, { q: '主席令第六十三号' }))[0]).toBe('中华人民共和国退役军人保障法')
    // A superseded regulation is found by its number once expired ones are included.
    expect(await searchTitles(app, { q: '财税〔2019〕21号' })).not.toContain(
      '关于进一步扶持自主就业退役士兵创业就业有关税收政策的通知'
    )
    expect((await searchTitles(app, { q: '财税〔2019〕21号', validity: 'expired' }))[0]).toBe(
      '关于进一步扶持自主就业退役士兵创业就业有关税收政策的通知'
    )
  })

  it('matches unspaced long queries word by word when the whole string does not occur, and says so', async () => {
    const response = await search(app, { q: '优待证乘车免费' })
    const body = response.json()
    expect(body.relaxed).toBe(true)
    expect(body.items.map((i: PolicyListItem) => i.title)).toContain('M市退役军人免费乘坐城市公共交通实施办法')
    const exact = await search(app, { q: '优待证' })
    expect(exact.json().relaxed).toBeUndefined()
  })

  it('ranks title and document-number hits above body hits, and in-force above expired', async () => {
    const word = '棠棣之华'
    const bodyOnly = await publishPolicy(
      staff,
      policyInput({
        title: '正文提及的政策',
        body: `${word}。`.repeat(30),
        effectiveFrom: shanghaiDay(-10)
      })
    )
    const inTitle = await publishPolicy(
      staff,
      policyInput({ title: `关于${word}的通知`, effectiveFrom: shanghaiDay(-400) })
    )
    const expiredInTitle = await publishPolicy(
      staff,
      policyInput({
        title: `${word}旧办法`,
        effectiveFrom: shanghaiDay(-800),
        effectiveTo: shanghaiDay(-1)
      })
    )
    const ids = (await search(app, { q: word, validity: 'all' })).json().items.map((i: PolicyListItem) => i.id)
    expect(ids).toEqual([inTitle, bodyOnly, expiredInTitle])
  })

  it('pages with limit and offset in a stable order', async () => {
    const whole = (await search(app, { q: '退役', validity: 'all', limit: 45 })).json()
    expect(whole.total).toBeGreaterThan(45)
    const pages: string[] = []
    for (let offset = 0; offset < 45; offset += 15) {
      const page = (await search(app, { q: '退役', validity: 'all', limit: 15, offset })).json()
      expect(page.total).toBe(whole.total)
      pages.push(...page.items.map((i: PolicyListItem) => i.id))
    }
    expect(pages).toEqual(whole.items.map((i: PolicyListItem) => i.id))
  })

  it('counts facets with the other filters applied', async () => {
    const all = (await search(app, { q: '补贴', validity: 'all', limit: 100 })).json()
    const countBy = (items: PolicyListItem[], key: 'category' | 'level') =>
      items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i[key]]: (acc[i[key]] ?? 0) + 1 }), {})
    expect(all.facets.category).toEqual(countBy(all.items, 'category'))
    expect(all.facets.level).toEqual(countBy(all.items, 'level'))

    const employment = (await search(app, { q: '补贴', validity: 'all', category: 'employment', limit: 100 })).json()
    expect(employment.total).toBe(all.facets.category.employment)
    expect(employment.items.every((i: PolicyListItem) => i.category === 'employment')).toBe(true)
    // The category facet still shows every category (to switch chips); the level facet is within employment.
    expect(employment.facets.category).toEqual(all.facets.category)
    expect(employment.facets.level).toEqual(countBy(employment.items, 'level'))

    const cityEmployment = (
      await search(app, { q: '补贴', validity: 'all', category: 'employment', level: 'city' })
    ).json()
    expect(cityEmployment.total).toBe(employment.facets.level.city)
  })

  it('filters by validity, in force by default', async () => {
    const word = '蒹葭苍苍'
    const base = { summary: `${word}。` }
    const inForce = await publishPolicy(staff, policyInput({ ...base, title: '现行', effectiveFrom: shanghaiDay(-5) }))
    const endsToday = await publishPolicy(
      staff,
      policyInput({ ...base, title: '今天到期', effectiveFrom: shanghaiDay(-5), effectiveTo: shanghaiDay(0) })
    )
    const expired = await publishPolicy(
      staff,
      policyInput({ ...base, title: '过期', effectiveFrom: shanghaiDay(-50), effectiveTo: shanghaiDay(-1) })
    )
    const upcoming = await publishPolicy(
      staff,
      policyInput({ ...base, title: '未施行', effectiveFrom: shanghaiDay(1) })
    )
    const repealed = await publishPolicy(staff, policyInput({ ...base, title: '废止', effectiveFrom: shanghaiDay(-5) }))
    expect(
      (
        await staff.approver.request({
          method: 'POST',
          url: `/api/v1/staff/policies/${repealed}/repeal`,
          payload: { reason: '测试' }
        })
      ).statusCode
    ).toBe(200)
    const old = await publishPolicy(staff, policyInput({ ...base, title: '旧版', effectiveFrom: shanghaiDay(-90) }))
    const replacement = await publishPolicy(
      staff,
      policyInput({ ...base, title: '新版', effectiveFrom: shanghaiDay(-1), supersedesId: old })
    )

    const ids = async (validity?: string) =>
      (await search(app, { q: word, ...(validity ? { validity } : {}) }))
        .json()
        .items.map((i: PolicyListItem) => i.id)
        .sort()
    const sorted = (...xs: string[]) => xs.sort()
    expect(await ids()).toEqual(sorted(inForce, endsToday, replacement))
    expect(await ids('in_force')).toEqual(sorted(inForce, endsToday, replacement))
    expect(await ids('expired')).toEqual(sorted(expired, old))
    expect(await ids('superseded')).toEqual([old])
    expect(await ids('not_yet_effective')).toEqual([upcoming])
    expect(await ids('repealed')).toEqual([repealed])
    const all = (await search(app, { q: word, validity: 'all' })).json().items as PolicyListItem[]
    expect(all.map((i) => i.validity).slice(0, 4)).toEqual(['in_force', 'in_force', 'in_force', 'not_yet_effective'])
    expect(
      all
        .map((i) => i.validity)
        .slice(4, 6)
        .sort()
    ).toEqual(['expired', 'superseded'])
    expect(all[6]!.validity).toBe('repealed')
  })

  it('lists without q in force first, newest first', async () => {
    const body = (await search(app, { validity: 'all', limit: 100 })).json()
    const items = body.items as PolicyListItem[]
    const rank = { in_force: 0, not_yet_effective: 1, expired: 2, superseded: 2, repealed: 3 }
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!]
      expect(
        rank[a.validity] < rank[b.validity] ||
          (rank[a.validity] === rank[b.validity] && a.effectiveFrom >= b.effectiveFrom)
      ).toBe(true)
    }
    expect(items.every((i) => i.snippet === undefined)).toBe(true)
  })
})

describe('escaping and hostile input', () => {
  it('shows a hostile body as text in snippets: only <em> marks are markup', async () => {
    const id = await publishPolicy(
      staff,
      policyInput({
        title: '<b>粗体</b>标题',
        summary: '摘要 <img src=x onerror="alert(1)"> 结束',
        body: '开头 <script>alert("x")</script> 夔龙纹样 & "引号" \'单引号\''
      })
    )
    const response = await search(app, { q: '夔龙纹样' })
    const item = response.json().items.find((i: PolicyListItem) => i.id === id)
    expect(item.snippet).toContain('alert(&quot;x&quot;)&lt;/script&gt;')
    expect(item.snippet).toContain('<em>夔龙纹样</em>')
    expect(item.snippet).toContain('&amp;')
    expect(item.snippet.replace(/<\/?em>/g, '')).not.toMatch(/[<>"']/)
    // The body itself is Markdown returned as stored; clients render it with a sanitizer.
    const detail = (await app.inject(`/api/v1/policies/${id}`)).json()
    expect(detail.body).toContain('<script>')

    const scriptQuery = (await search(app, { q: '<script>' })).json()
    const hit = scriptQuery.items.find((i: PolicyListItem) => i.id === id)
    expect(hit.snippet).toContain('&lt;<em>script</em>&gt;')
  })

  it.each([
    '"',
    '""',
    '"unbalanced',
    "'",
    '*',
    '医*',
    '^医',
    'NEAR',
    'NEAR(退役 就业)',
    'a NEAR b',
    'OR',
    'AND',
    'NOT 医',
    '退役 OR 就业',
    '(',
    '((医',
    ')',
    '{title}:医',
    'title:医',
    '-医',
    '+医',
    '<',
    '<script>alert(1)</script>',
    '%',
    '\\',
    ';',
    '--',
    'x'.repeat(200),
    '医'.repeat(200),
    '🎖️',
    '\u0000'
  ])('never fails on %j', async (q) => {
    const response = await search(app, { q, validity: 'all' })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(Array.isArray(body.items)).toBe(true)
    for (const item of body.items as PolicyListItem[])
      expect((item.snippet ?? '').replace(/<\/?em>/g, '')).not.toMatch(/[<>]/)
  })

  it('treats operators as words: OR does not widen a search', async () => {
    expect((await search(app, { q: '退役 OR 就业' })).json().total).toBe(0)
    expect((await search(app, { q: '退役 就业' })).json().total).toBeGreaterThan(0)
  })

  it('returns nothing for a query with no letters or digits', async () => {
    const body = (await search(app, { q: '《》？！' })).json()
    expect(body).toEqual({ items: [], total: 0, facets: { category: {}, level: {} } })
  })

  it('rejects an over-long query or too many terms with 400 and the field', async () => {
    const long = await search(app, { q: 'a'.repeat(5000) })
    expect(long.statusCode).toBe(400)
    expect(long.json().error.details.fields[0].path).toBe('querystring.q')
    const many = await search(app, { q: Array.from({ length: 13 }, (_, i) => `词${i}`).join(' ') })
    expect(many.statusCode).toBe(400)
    expect(many.json().error.details.fields).toEqual([{ path: 'querystring.q', message: expect.any(String) }])
  })

  it('validates the other parameters with field paths', async () => {
    for (const [query, path] of [
      [{ validity: 'forever' }, 'querystring.validity'],
      [{ category: 'cooking' }, 'querystring.category'],
      [{ level: 'galactic' }, 'querystring.level'],
      [{ limit: 0 }, 'querystring.limit'],
      [{ limit: 101 }, 'querystring.limit'],
      [{ offset: -1 }, 'querystring.offset']
    ] as const) {
      const response = await search(app, query)
      expect(response.statusCode, JSON.stringify(query)).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
      expect(response.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(path)
    }
  })
})

describe('GET /policies/:id', () => {
  it('returns the full policy with links to the older and newer version and related services', async () => {
    const newer = corpus.find((p) => p.title === '军人抚恤优待条例（2024年修订）')!
    expect(newer.supersedes).toEqual({
      id: expect.any(String),
      title: '军人抚恤优待条例（2011年修订）',
      docNumber: '国务院、中央军委令第602号'
    })
    const older = (await app.inject(`/api/v1/policies/${newer.supersedes!.id}`)).json()
    expect(older.validity).toBe('superseded')
    expect(older.supersededBy).toEqual({ id: newer.id, title: newer.title, docNumber: newer.docNumber })
    expect(newer.body).toMatch(/^## /)
    const laowang = await signInWechat(app, 'laowang')
    const services = (await laowang.request({ method: 'GET', url: '/api/v1/services' })).json().items as {
      id: string
      code: string
    }[]
    const codeOf = new Map(services.map((s) => [s.id, s.code]))
    expect(newer.relatedServiceIds.map((id) => codeOf.get(id))).toEqual(['entitlement', 'preferential_card'])
  })

  it('is 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await app.inject('/api/v1/policies/01JUNKNOWN0000000000000000')).statusCode).toBe(404)
    expect((await app.inject(`/api/v1/policies/${'x'.repeat(65)}`)).statusCode).toBe(400)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'
import { policyInput, publishPolicy, search, staffPair, type Staff } from './policies-fixtures'

// GET /policies keeps its answers by query (public-answers.ts): a reader must still see every policy write at once.

let app: FastifyInstance
let staff: Staff
let other: Session

beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffPair(app)
  other = await signInStaff(app, 'xijiang')
})
afterAll(() => app.close())

const titlesFor = async (q: string) => {
  const response = await search(app, { q })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items.map((i: { title: string }) => i.title) as string[]
}

describe('GET /policies answers asked again', () => {
  it('are the same answer, byte for byte', async () => {
    const first = await search(app, { q: '优待证' })
    const again = await search(app, { q: '优待证' })
    expect(first.statusCode).toBe(200)
    expect(first.json().total).toBeGreaterThan(0)
    expect(again.body).toBe(first.body)
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it('show a policy as soon as it is published, and drop it as soon as it is repealed', async () => {
    expect(await titlesFor('雁阵惊寒')).toEqual([])
    const id = await publishPolicy(staff, policyInput({ title: '雁阵惊寒优待办法', docNumber: 'M测试发〔2026〕77号' }))
    expect(await titlesFor('雁阵惊寒')).toEqual(['雁阵惊寒优待办法'])

    const repealed = await other.request({ method: 'POST', url: `/api/v1/staff/policies/${id}/repeal`, payload: {} })
    expect(repealed.statusCode, repealed.body).toBe(200)
    expect(await titlesFor('雁阵惊寒')).toEqual([])
    const all = await search(app, { q: '雁阵惊寒', validity: 'all' })
    expect(all.json().items).toMatchObject([{ id, validity: 'repealed' }])
  })

  it('differ by every part of the query', async () => {
    const cityOnly = (await search(app, { q: '补贴', level: 'city', validity: 'all', limit: 100 })).json()
    const everyLevel = (await search(app, { q: '补贴', validity: 'all', limit: 100 })).json()
    const secondPage = (await search(app, { q: '补贴', validity: 'all', limit: 5, offset: 5 })).json()
    expect(cityOnly.items.every((i: { level: string }) => i.level === 'city')).toBe(true)
    expect(everyLevel.total).toBeGreaterThan(cityOnly.total)
    expect(secondPage.items.map((i: { id: string }) => i.id)).toEqual(
      everyLevel.items.slice(5, 10).map((i: { id: string }) => i.id)
    )
  })
})

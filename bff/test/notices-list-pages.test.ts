import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { draft, sendAndWait } from './notices-helpers'

// GET /notices keeps the pages it answered until the person's inbox changes (inbox-pages.ts): a new notice, a
// read, a read-all must show on the very next request, and only to that person.

let app: FastifyInstance
let donghu: Session
let laowang: Session
let xiaowang: Session

beforeAll(async () => {
  app = await buildTestApp()
  donghu = await signInStaff(app, 'donghu')
  laowang = await signInWechat(app, 'laowang')
  xiaowang = await signInWechat(app, 'xiaowang')
})
afterAll(() => app.close())

type Item = { id: string; title: string; read: boolean }
const list = async (who: Session, query = '') => {
  const response = await who.request({ method: 'GET', url: `/api/v1/notices${query}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: Item[]; nextCursor: string | null }>()
}

it('shows a new notice, a read and a read-all on the next request', async () => {
  const before = await list(laowang)
  expect(before.items.length).toBeGreaterThan(0)
  expect((await list(laowang)).items).toEqual(before.items)

  const id = await draft(donghu, { title: '列表缓存测试' })
  await sendAndWait(donghu, id)
  const after = await list(laowang)
  expect(after.items[0]).toMatchObject({ id, title: '列表缓存测试', read: false })
  expect(after.items.slice(1)).toEqual(before.items)

  expect((await laowang.request({ method: 'POST', url: `/api/v1/notices/${id}/read` })).statusCode).toBe(204)
  expect((await list(laowang)).items[0]).toMatchObject({ id, read: true })

  expect((await laowang.request({ method: 'POST', url: '/api/v1/me/inbox/read-all' })).statusCode).toBe(200)
  expect((await list(laowang)).items.every((n) => n.read)).toBe(true)
})

it('keeps each person’s pages apart, each page by its cursor and size', async () => {
  const mine = await list(xiaowang)
  expect((await list(laowang)).items.every((n) => n.read)).toBe(true)
  expect(mine.items.some((n) => !n.read)).toBe(true)

  const first = await list(laowang, '?limit=1')
  expect(first.items).toHaveLength(1)
  const second = await list(laowang, `?limit=1&cursor=${first.nextCursor}`)
  expect(second.items).toHaveLength(1)
  expect(second.items[0]!.id).not.toBe(first.items[0]!.id)
  expect((await list(laowang)).items.slice(0, 2)).toEqual([...first.items, ...second.items])
})

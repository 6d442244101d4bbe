import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { draft, sendAndWait, staffView } from './notices-helpers'

// The one inbox (notices and notifications, newest first, one cursor), the demo notices, the data export and
// account closing.

let app: FastifyInstance
let donghu: Session

beforeAll(async () => {
  app = await buildTestApp()
  donghu = await signInStaff(app, 'donghu')
})
afterAll(() => app.close())

type Entry = { kind: string; id: string; at: string; read: boolean }

it('pages notices and notifications in one list, newest first, with one unread count', async () => {
  const laowang = await signInWechat(app, 'laowang')
  const first = await laowang.request({ method: 'GET', url: '/api/v1/me/inbox?limit=100' })
  expect(first.statusCode).toBe(200)
  const all = first.json<{ items: Entry[]; unreadCount: number }>()
  // The demo: two notices already sent to him, and his notifications.
  expect(all.items.filter((e) => e.kind === 'notice')).toHaveLength(2)
  expect(all.items.some((e) => e.kind === 'notification')).toBe(true)
  expect(all.unreadCount).toBe(all.items.filter((e) => !e.read).length)

  await sendAndWait(donghu, await draft(donghu, { title: '最新通知' }))
  const seen: Entry[] = []
  let cursor: string | null = null
  do {
    const response = await laowang.request({
      method: 'GET',
      url: `/api/v1/me/inbox?limit=2${cursor ? `&cursor=${cursor}` : ''}`
    })
    expect(response.statusCode, response.body).toBe(200)
    const page = response.json<{ items: Entry[]; nextCursor: string | null }>()
    seen.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  expect(seen).toHaveLength(all.items.length + 1)
  expect(seen[0]).toMatchObject({ kind: 'notice' })
  expect([...seen].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).map((e) => e.at)).toEqual(
    seen.map((e) => e.at)
  )
  expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length)

  const readAll = await laowang.request({ method: 'POST', url: '/api/v1/me/inbox/read-all' })
  expect(readAll.json().updated).toBe(all.unreadCount + 1)
  expect((await laowang.request({ method: 'GET', url: '/api/v1/me/inbox' })).json().unreadCount).toBe(0)
  expect((await laowang.request({ method: 'GET', url: '/api/v1/me/inbox?cursor=%25%25' })).statusCode).toBe(400)
})

it('exports what a person received, and a closed account leaves the inboxes', async () => {
  const xiaowang = await signInWechat(app, 'xiaowang')
  const id = await draft(donghu, { title: '导出测试' })
  await sendAndWait(donghu, id)
  await xiaowang.request({ method: 'POST', url: `/api/v1/notices/${id}/read` })
  const exported = await xiaowang.request({ method: 'GET', url: '/api/v1/me/export' })
  expect(exported.statusCode).toBe(200)
  const notices = exported.json().records.notices as { id: string; title: string; sentAt: string; readAt: string }[]
  expect(notices.find((n) => n.id === id)).toMatchObject({ title: '导出测试' })
  expect(notices.find((n) => n.id === id)!.readAt).not.toBeNull()

  expect((await xiaowang.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)
  expect((await staffView(donghu, id)).stats.delivered.inbox).toBe(1)
})

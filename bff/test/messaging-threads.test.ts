import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { catalog, DONGHU, type Catalog } from './booking-helpers'
import {
  answer,
  ask,
  errorOf,
  messagesSeen,
  newKey,
  setStatus,
  threadSeen,
  uploadPhoto,
  write,
  type ThreadSeen
} from './messaging-helpers'

// The resident side of messaging: asking, the thread list with unread counts, writing (idempotent), reading,
// rating, reopening; each person sees their own threads only.

let app: FastifyInstance
let laowang: Session
let xiaowang: Session
let zhangmin: Session
let donghu: Session
let cat: Catalog

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, xiaowang, zhangmin, donghu] = await Promise.all([
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInWechat(app, 'zhangmin'),
    signInStaff(app, 'donghu')
  ])
  cat = await catalog(laowang)
})
afterAll(() => app.close())

describe('POST /threads', () => {
  it('opens a thread at the district center of my veteran record, the body being message 1', async () => {
    const thread = await ask(laowang, { subject: '  优待证补办  ', body: '需要带什么？' })
    expect(thread).toMatchObject({
      subject: '优待证补办',
      status: 'open',
      centerId: cat.center(DONGHU),
      centerName: DONGHU,
      lastSeq: 1,
      unreadCount: 0,
      rating: null,
      policyId: null
    })
    const { items } = await messagesSeen(laowang, thread.id)
    expect(items).toEqual([
      expect.objectContaining({
        seq: 1,
        authorRole: 'resident',
        authorName: '老王',
        body: '需要带什么？',
        attachments: []
      })
    ])
  })

  it("defaults a family member to the linked veteran's district center and a resident to the city center", async () => {
    expect((await ask(xiaowang)).centerId).toBe(cat.center(DONGHU))
    expect((await ask(zhangmin)).centerId).toBe(cat.center('M市退役军人服务中心'))
  })

  it('takes a chosen center and links a policy, so staff see which policy is asked about', async () => {
    const policy = (await laowang.request({ method: 'GET', url: '/api/v1/policies?limit=1' })).json().items[0] as {
      id: string
      title: string
    }
    const xijiang = cat.center('西江区退役军人服务中心')
    const thread = await ask(laowang, { centerId: xijiang, policyId: policy.id, category: 'pension' })
    expect(thread).toMatchObject({ centerId: xijiang, policyId: policy.id, policyTitle: policy.title })
  })

  it('answers 400 with field details for bad input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'weather' }, 'body.category'],
      [{ subject: '' }, 'body.subject'],
      [{ subject: '   ' }, 'body.subject'],
      [{ body: 'x'.repeat(2001) }, 'body.body'],
      [{ centerId: 'no-such-center' }, 'body.centerId'],
      [{ policyId: 'no-such-policy' }, 'body.policyId'],
      [{ attachmentIds: ['a', 'b', 'c', 'd', 'e'] }, 'body.attachmentIds']
    ]
    for (const [change, path] of cases) {
      const response = await laowang.request({
        method: 'POST',
        url: '/api/v1/threads',
        payload: { category: 'other', subject: '问', body: '问题', ...change }
      })
      expect(response.statusCode, JSON.stringify(change)).toBe(400)
      const fields = errorOf(response)!.details.fields as { path: string }[]
      expect(
        fields.map((f) => f.path).some((p) => p.startsWith(path)),
        `${path} in ${JSON.stringify(fields)}`
      ).toBe(true)
    }
  })

  it('is for residents, veterans and family: staff get 403, nobody signed in 401', async () => {
    const staff = await donghu.request({
      method: 'POST',
      url: '/api/v1/threads',
      payload: { category: 'other', subject: '问', body: '问题' }
    })
    expect(staff.statusCode).toBe(403)
    expect((await donghu.request({ method: 'GET', url: '/api/v1/threads' })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/threads' })).statusCode).toBe(401)
  })
})

describe('GET /threads and GET /threads/:id', () => {
  it('lists my threads only, newest activity first, paged, with unread staff messages', async () => {
    const family = await signInWechat(app, 'msg-list-family')
    const first = await ask(family, { subject: '第一个' })
    const second = await ask(family, { subject: '第二个' })
    const third = await ask(family, { subject: '第三个' })
    // Writing in the first makes it the newest.
    expect((await write(family, first.id, '补充一句')).statusCode).toBe(201)
    const page1 = (await family.request({ method: 'GET', url: '/api/v1/threads?limit=2' })).json()
    const page2 = (
      await family.request({ method: 'GET', url: `/api/v1/threads?limit=2&cursor=${page1.nextCursor}` })
    ).json()
    expect([...page1.items, ...page2.items].map((t: ThreadSeen) => t.subject)).toEqual(['第一个', '第三个', '第二个'])
    expect(page2.nextCursor).toBeNull()
    expect(second.id && third.id).toBeTruthy()
  })

  it('counts staff replies as unread until I mark them read (never backwards, never past the end)', async () => {
    const thread = await ask(laowang)
    expect((await answer(donghu, thread.id, '第一条回复')).statusCode).toBe(201)
    expect((await answer(donghu, thread.id, '第二条回复')).statusCode).toBe(201)
    expect(await threadSeen(laowang, thread.id)).toMatchObject({ unreadCount: 2, lastSeq: 3, status: 'pending' })
    const listed = (await laowang.request({ method: 'GET', url: '/api/v1/threads' }))
      .json()
      .items.find((t: ThreadSeen) => t.id === thread.id)
    expect(listed.unreadCount).toBe(2)

    const read = (seq: number) =>
      laowang.request({ method: 'POST', url: `/api/v1/threads/${thread.id}/read`, payload: { seq } })
    expect((await read(2)).statusCode).toBe(204)
    expect((await threadSeen(laowang, thread.id)).unreadCount).toBe(1)
    expect((await read(1)).statusCode).toBe(204)
    expect((await threadSeen(laowang, thread.id)).unreadCount).toBe(1)
    expect((await read(99)).statusCode).toBe(204)
    expect((await threadSeen(laowang, thread.id)).unreadCount).toBe(0)
    expect((await answer(donghu, thread.id, '第三条回复')).statusCode).toBe(201)
    expect((await threadSeen(laowang, thread.id)).unreadCount).toBe(1)
    expect(
      (await laowang.request({ method: 'POST', url: `/api/v1/threads/${thread.id}/read`, payload: { seq: -1 } }))
        .statusCode
    ).toBe(400)
  })

  it("answers 404 for someone else's thread on every route, even a family member's own veteran's", async () => {
    const thread = await ask(laowang)
    for (const other of [xiaowang, zhangmin]) {
      const routes = [
        other.request({ method: 'GET', url: `/api/v1/threads/${thread.id}` }),
        other.request({ method: 'GET', url: `/api/v1/threads/${thread.id}/messages` }),
        write(other, thread.id, '我也想问'),
        other.request({ method: 'POST', url: `/api/v1/threads/${thread.id}/read`, payload: { seq: 1 } }),
        other.request({ method: 'POST', url: `/api/v1/threads/${thread.id}/rating`, payload: { score: 5 } })
      ]
      for (const response of await Promise.all(routes)) {
        expect(response.statusCode, response.body).toBe(404)
        expect(errorOf(response)!.code).toBe('NOT_FOUND')
      }
      const listed = (await other.request({ method: 'GET', url: '/api/v1/threads?limit=100' })).json()
        .items as ThreadSeen[]
      expect(listed.map((t) => t.id)).not.toContain(thread.id)
    }
    expect((await laowang.request({ method: 'GET', url: '/api/v1/threads/nothing-here' })).statusCode).toBe(404)
  })
})

describe('POST /threads/:id/messages', () => {
  it('numbers messages 1, 2, 3 … and answers a retry with the same key with the first answer', async () => {
    const thread = await ask(laowang)
    const key = newKey()
    const first = await write(laowang, thread.id, '第二条', key)
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ seq: 2, authorRole: 'resident', body: '第二条' })
    const retry = await write(laowang, thread.id, '第二条', key)
    expect(retry.statusCode).toBe(201)
    expect(retry.body).toBe(first.body)
    const reused = await write(laowang, thread.id, '不同的内容', key)
    expect(reused.statusCode).toBe(422)
    expect(errorOf(reused)!.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect((await messagesSeen(laowang, thread.id)).items.map((m) => m.seq)).toEqual([1, 2])
  })

  it('refuses an empty, too long or blank body and more than 4 photos (400 naming the field)', async () => {
    const thread = await ask(laowang)
    for (const [payload, path] of [
      [{ body: '' }, 'body.body'],
      [{ body: '   ' }, 'body.body'],
      [{ body: '长'.repeat(2001) }, 'body.body'],
      [{ body: '看图', attachmentIds: ['1', '2', '3', '4', '5'] }, 'body.attachmentIds'],
      [{ body: '看图', attachmentIds: ['not-my-upload'] }, 'body.attachmentIds.0']
    ] as const) {
      const response = await laowang.request({
        method: 'POST',
        url: `/api/v1/threads/${thread.id}/messages`,
        payload,
        headers: { 'idempotency-key': newKey() }
      })
      expect(response.statusCode, response.body).toBe(400)
      expect((errorOf(response)!.details.fields as { path: string }[]).map((f) => f.path)).toContain(path)
    }
    expect((await write(laowang, thread.id, '长'.repeat(2000))).statusCode).toBe(201)
    expect((await messagesSeen(laowang, thread.id)).items.map((m) => m.seq)).toEqual([1, 2])
  })

  it("attaches my own photos; someone else's, or one already sent, is 400 and nothing is written", async () => {
    const thread = await ask(laowang)
    const [mine, hers] = [await uploadPhoto(laowang), await uploadPhoto(xiaowang)]
    const refused = await write(laowang, thread.id, '看图', newKey(), { attachmentIds: [mine.id, hers.id] })
    expect(refused.statusCode).toBe(400)
    expect((errorOf(refused)!.details.fields as { path: string }[]).map((f) => f.path)).toEqual([
      'body.attachmentIds.1'
    ])
    const sent = await write(laowang, thread.id, '看图', newKey(), { attachmentIds: [mine.id] })
    expect(sent.statusCode, sent.body).toBe(201)
    expect(sent.json().attachments).toEqual([
      expect.objectContaining({ id: mine.id, contentType: 'image/png', url: mine.url })
    ])
    expect((await messagesSeen(laowang, thread.id)).items.map((m) => m.attachments.length)).toEqual([0, 1])
    expect((await write(laowang, thread.id, '再发一次', newKey(), { attachmentIds: [mine.id] })).statusCode).toBe(400)
    // Staff of the thread's center see the photo; an unrelated resident does not.
    expect((await donghu.request({ method: 'GET', url: mine.url })).statusCode).toBe(200)
    expect((await zhangmin.request({ method: 'GET', url: mine.url })).statusCode).toBe(404)
    const withPhoto = await ask(xiaowang, { attachmentIds: [hers.id] })
    expect((await messagesSeen(xiaowang, withPhoto.id)).items[0]!.attachments).toHaveLength(1)
  })

  it('pages messages by seq with afterSeq (the catch-up after a reconnect)', async () => {
    const thread = await ask(laowang)
    for (let i = 2; i <= 5; i++) expect((await write(laowang, thread.id, `第${i}条`)).statusCode).toBe(201)
    const page = await messagesSeen(laowang, thread.id, '?afterSeq=1&limit=2')
    expect(page.items.map((m) => m.seq)).toEqual([2, 3])
    expect(page.nextCursor).toBe('3')
    const rest = await messagesSeen(laowang, thread.id, `?afterSeq=${page.nextCursor}`)
    expect(rest.items.map((m) => m.seq)).toEqual([4, 5])
    expect(rest.nextCursor).toBeNull()
  })

  it('reopens a resolved thread when the resident writes again', async () => {
    const thread = await ask(laowang)
    expect((await answer(donghu, thread.id, '已为您办理', { resolve: true })).statusCode).toBe(201)
    expect((await threadSeen(laowang, thread.id)).status).toBe('resolved')
    expect((await write(laowang, thread.id, '还有一个问题')).statusCode).toBe(201)
    expect((await threadSeen(laowang, thread.id)).status).toBe('open')
  })
})

describe('POST /threads/:id/rating', () => {
  it('rates once, only when resolved', async () => {
    const thread = await ask(xiaowang)
    const rate = (score: number) =>
      xiaowang.request({ method: 'POST', url: `/api/v1/threads/${thread.id}/rating`, payload: { score } })
    const early = await rate(5)
    expect(early.statusCode).toBe(409)
    expect(errorOf(early)!.code).toBe('NOT_RATEABLE')
    expect((await rate(0)).statusCode).toBe(400)
    expect((await rate(6)).statusCode).toBe(400)

    expect((await setStatus(donghu, thread.id, 'resolved')).statusCode).toBe(200)
    const rated = await rate(4)
    expect(rated.statusCode).toBe(201)
    expect(rated.json()).toMatchObject({ threadId: thread.id, score: 4 })
    expect((await threadSeen(xiaowang, thread.id)).rating).toBe(4)
    const again = await rate(5)
    expect(again.statusCode).toBe(409)
    expect(errorOf(again)!.code).toBe('NOT_RATEABLE')
    expect(errorOf(again)!.message).toContain('已评价')
  })
})

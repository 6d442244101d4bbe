import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  answer,
  ask,
  entriesSeen,
  errorOf,
  messagesSeen,
  newKey,
  threadSeen,
  uploadPhoto,
  write
} from './messaging-helpers'

// What a careful reviewer tries against messaging: retried staff replies, races on rating and photos, who may
// fetch a thread's photo, internal notes and the resident's counters, garbage in queries.

let app: FastifyInstance
let laowang: Session
let xiaowang: Session
let zhangmin: Session
let donghu: Session
let xijiang: Session
let city: Session

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, xiaowang, zhangmin, donghu, xijiang, city] = await Promise.all([
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInWechat(app, 'zhangmin'),
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'city')
  ])
})
afterAll(() => app.close())

function staffWrite(staff: Session, threadId: string, payload: Record<string, unknown>, key: string) {
  return staff.request({
    method: 'POST',
    url: `/api/v1/staff/threads/${threadId}/messages`,
    payload,
    headers: { 'idempotency-key': key }
  })
}

describe('a staff reply retried on a weak network', () => {
  it('is written once: the same key and body get the first answer, another body 422', async () => {
    const thread = await ask(laowang, { subject: '重试的回复' })
    const key = newKey()
    const first = await staffWrite(donghu, thread.id, { body: '已为您查询。' }, key)
    expect(first.statusCode, first.body).toBe(201)
    const retry = await staffWrite(donghu, thread.id, { body: '已为您查询。' }, key)
    expect(retry.statusCode).toBe(201)
    expect(retry.body).toBe(first.body)
    const reused = await staffWrite(donghu, thread.id, { body: '另一条回复' }, key)
    expect(reused.statusCode).toBe(422)
    expect(errorOf(reused)!.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect((await messagesSeen(laowang, thread.id)).items.map((m) => m.body)).toEqual([
      '请问需要什么材料？',
      '已为您查询。'
    ])
    const told = (await laowang.request({ method: 'GET', url: '/api/v1/me/notifications?limit=100' })).json().items as {
      data: { threadId?: string }
    }[]
    expect(told.filter((n) => n.data.threadId === thread.id)).toHaveLength(1)
  })

  it('makes one entry of 10 concurrent posts with one key, every answer identical', async () => {
    const thread = await ask(laowang, { subject: '并发重试' })
    const key = newKey()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => staffWrite(donghu, thread.id, { body: '内部：已核实', internal: true }, key))
    )
    expect(new Set(answers.map((r) => `${r.statusCode} ${r.body}`)).size).toBe(1)
    expect((await entriesSeen(donghu, thread.id)).items.map((e) => e.position)).toEqual([1, 2])
  })

  it('keeps keys per person: a colleague using the same key writes their own reply', async () => {
    const thread = await ask(laowang, { subject: '同一个键' })
    const key = newKey()
    expect((await staffWrite(donghu, thread.id, { body: '东湖回复' }, key)).statusCode).toBe(201)
    const other = await staffWrite(city, thread.id, { body: '市级回复' }, key)
    expect(other.statusCode).toBe(201)
    expect(other.headers['idempotent-replayed']).toBeUndefined()
    expect((await messagesSeen(laowang, thread.id)).items.map((m) => m.seq)).toEqual([1, 2, 3])
  })
})

describe('races', () => {
  it('rates once when five ratings arrive together: exactly one 201', async () => {
    const thread = await ask(laowang)
    expect((await answer(donghu, thread.id, '已办结', { resolve: true })).statusCode).toBe(201)
    const ratings = await Promise.all(
      [1, 2, 3, 4, 5].map((score) =>
        laowang.request({ method: 'POST', url: `/api/v1/threads/${thread.id}/rating`, payload: { score } })
      )
    )
    expect(ratings.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409])
    const given = ratings.find((r) => r.statusCode === 201)!.json<{ score: number }>().score
    expect((await threadSeen(laowang, thread.id)).rating).toBe(given)
  })

  it('attaches a photo to one message only when two messages claim it at once', async () => {
    const photo = await uploadPhoto(laowang)
    const [a, b] = await Promise.all([ask(laowang), ask(laowang)])
    const claims = await Promise.all([
      write(laowang, a.id, '照片一', newKey(), { attachmentIds: [photo.id] }),
      write(laowang, b.id, '照片二', newKey(), { attachmentIds: [photo.id] })
    ])
    expect(claims.map((r) => r.statusCode).sort()).toEqual([201, 400])
    const attached = [
      ...(await messagesSeen(laowang, a.id)).items,
      ...(await messagesSeen(laowang, b.id)).items
    ].filter((m) => m.attachments.length > 0)
    expect(attached).toHaveLength(1)
  })
})

describe("a thread's photo", () => {
  it('is served to its resident and the staff of its center (and city level), nobody else (404)', async () => {
    const photo = await uploadPhoto(laowang)
    await ask(laowang, { attachmentIds: [photo.id] })
    const seen = async (session: Session) => (await session.request({ method: 'GET', url: photo.url })).statusCode
    expect(await seen(laowang)).toBe(200)
    expect(await seen(donghu)).toBe(200)
    expect(await seen(city)).toBe(200)
    // The veteran's family member, an unrelated resident and another center's staff.
    expect(await seen(xiaowang)).toBe(404)
    expect(await seen(zhangmin)).toBe(404)
    expect(await seen(xijiang)).toBe(404)
  })
})

describe('internal notes', () => {
  it("change nothing in the resident's thread: unread count, last seq, last activity", async () => {
    const thread = await ask(laowang)
    expect((await answer(donghu, thread.id, '已收到')).statusCode).toBe(201)
    const before = await threadSeen(laowang, thread.id)
    expect((await answer(donghu, thread.id, '内部：疑似重复咨询', { internal: true })).statusCode).toBe(201)
    expect(await threadSeen(laowang, thread.id)).toEqual(before)
    expect(before).toMatchObject({ unreadCount: 1, lastSeq: 2 })
  })
})

describe('garbage in queries', () => {
  it('is 400 naming the parameter, never 500', async () => {
    const thread = await ask(laowang)
    const cases: [Session, string, string][] = [
      [laowang, '/api/v1/threads?limit=0', 'querystring.limit'],
      [laowang, '/api/v1/threads?limit=abc', 'querystring.limit'],
      [laowang, '/api/v1/threads?cursor=%25%25', 'querystring.cursor'],
      [laowang, `/api/v1/threads/${thread.id}/messages?afterSeq=-1`, 'querystring.afterSeq'],
      [laowang, `/api/v1/threads/${thread.id}/messages?afterSeq=1.5`, 'querystring.afterSeq'],
      [laowang, `/api/v1/threads/${thread.id}/messages?limit=101`, 'querystring.limit'],
      [donghu, '/api/v1/staff/threads?cursor=LTU', 'querystring.cursor'],
      [donghu, `/api/v1/staff/threads/${thread.id}/messages?afterPosition=x`, 'querystring.afterPosition']
    ]
    for (const [session, url, path] of cases) {
      const response = await session.request({ method: 'GET', url })
      expect(response.statusCode, url).toBe(400)
      expect((errorOf(response)!.details.fields as { path: string }[])[0]!.path, url).toBe(path)
    }
  })
})

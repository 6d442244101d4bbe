import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import WebSocket from 'ws'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { linkFamily } from './booking-helpers'
import { policyInput, publishPolicy } from './policies-fixtures'
import {
  approvedCityWide,
  boundVeteran,
  draft,
  inboxNoticeIds,
  noticeIdsSeen,
  send,
  sendAndWait,
  staffView,
  unreadNotices,
  untilSent
} from './notices-helpers'

// Who a notice reaches: veterans by their registry record, family members through the veterans they are linked
// to, filtered by district, category and a policy's eligibility; people who turned notices off are left out. Anyone
// outside the audience never sees it: not in the list, the detail, the counts, the inbox or a socket frame.

type Frame = { type: string; notice?: { id: string } }

async function connect(url: string, session: Session) {
  const ws = new WebSocket(url)
  const frames: Frame[] = []
  ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Frame))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.send(JSON.stringify({ type: 'auth', token: session.accessToken }))
  await until(() => frames.some((f) => f.type === 'ready'))
  return { ws, noticeIds: () => frames.filter((f) => f.type === 'notice.created').map((f) => f.notice!.id) }
}

async function until(done: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

let app: FastifyInstance
let url: string
let admin: Session
let city: Session
let donghu: Session
// 王建国 (东湖区, 退役士兵, served 5 years) and his daughter; 李志强 (西江区, 转业干部, 17 years) and his son;
// 陈秀英 (南山区, 军休干部, 30 years); 张敏, a resident with no record and no link.
let laowang: Session
let xiaowang: Session
let lizhiqiang: Session
let liSon: Session
let chenxiuying: Session
let zhangmin: Session

beforeAll(async () => {
  app = await buildTestApp({ WS_HEARTBEAT_MS: '60000' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/ws`
  ;[admin, city, donghu, laowang, xiaowang, zhangmin] = await Promise.all([
    signInStaff(app, 'admin'),
    signInStaff(app, 'city'),
    signInStaff(app, 'donghu'),
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInWechat(app, 'zhangmin')
  ])
  lizhiqiang = await boundVeteran(app, 'liZhiqiang', 'lizhiqiang')
  liSon = await linkFamily(app, lizhiqiang, 'li-son')
  chenxiuying = await boundVeteran(app, 'chenXiuying', 'chenxiuying')
})
afterAll(() => app.close())

/** What each person can see of a notice, through every resident route. */
async function seenBy(session: Session, id: string) {
  const [list, detail, inbox] = await Promise.all([
    noticeIdsSeen(session),
    session.request({ method: 'GET', url: `/api/v1/notices/${id}` }),
    inboxNoticeIds(session)
  ])
  return { inList: list.includes(id), detail: detail.statusCode, inInbox: inbox.includes(id) }
}

describe('a district notice', () => {
  it('reaches the district’s veterans and their families, live, and nobody else by any route', async () => {
    const outsiders = [lizhiqiang, liSon, chenxiuying, zhangmin]
    const before = await Promise.all(outsiders.map(unreadNotices))
    const sockets = await Promise.all([laowang, xiaowang, ...outsiders].map((s) => connect(url, s)))
    const id = await draft(donghu, { title: '东湖区通知' })
    expect(
      (await donghu.request({ method: 'GET', url: `/api/v1/staff/notices/${id}/audience-preview` })).json()
    ).toEqual({
      count: 2,
      veterans: 1,
      families: 1
    })
    const sent = await sendAndWait(donghu, id)
    expect(sent.stats).toMatchObject({ recipients: 2, read: 0, delivered: { inbox: 2 } })

    await until(() => sockets[0]!.noticeIds().includes(id) && sockets[1]!.noticeIds().includes(id))
    await new Promise((resolve) => setTimeout(resolve, 150))
    for (const socket of sockets.slice(2)) expect(socket.noticeIds()).not.toContain(id)

    for (const person of [laowang, xiaowang]) {
      const seen = await seenBy(person, id)
      expect(seen).toEqual({ inList: true, detail: 200, inInbox: true })
    }
    for (const person of outsiders) {
      expect(await seenBy(person, id)).toEqual({ inList: false, detail: 404, inInbox: false })
      expect((await person.request({ method: 'POST', url: `/api/v1/notices/${id}/read` })).statusCode).toBe(404)
    }
    expect(await Promise.all(outsiders.map(unreadNotices))).toEqual(before)
    for (const s of sockets) s.ws.close()
  })

  it('counts reads once per person; unread counts and the inbox follow', async () => {
    const id = await draft(donghu, { title: '已读测试' })
    await sendAndWait(donghu, id)
    const unread = await unreadNotices(laowang)
    const detail = await laowang.request({ method: 'GET', url: `/api/v1/notices/${id}` })
    expect(detail.json()).toMatchObject({ id, read: false, readAt: null, senderName: '东湖区退役军人服务中心' })
    for (let i = 0; i < 3; i++)
      expect((await laowang.request({ method: 'POST', url: `/api/v1/notices/${id}/read` })).statusCode).toBe(204)
    expect(await unreadNotices(laowang)).toBe(unread - 1)
    expect((await laowang.request({ method: 'GET', url: `/api/v1/notices/${id}` })).json()).toMatchObject({
      read: true
    })
    expect((await staffView(donghu, id)).stats).toMatchObject({ recipients: 2, read: 1 })
    await xiaowang.request({ method: 'POST', url: `/api/v1/notices/${id}/read` })
    expect((await staffView(donghu, id)).stats.read).toBe(2)
    const list = (await donghu.request({ method: 'GET', url: '/api/v1/staff/notices?status=sent' })).json()
    expect(list.items.find((n: { id: string }) => n.id === id)).toMatchObject({ recipients: 2, read: 2 })
  })

  it('leaves out people who turned notices off in their inbox', async () => {
    const off = await xiaowang.request({
      method: 'PATCH',
      url: '/api/v1/me/message-preferences',
      payload: { items: [{ kind: 'notice', inbox: false }] }
    })
    expect(off.statusCode, off.body).toBe(200)
    const id = await draft(donghu, { title: '偏好测试' })
    expect((await sendAndWait(donghu, id)).stats.recipients).toBe(1)
    expect(await noticeIdsSeen(xiaowang)).not.toContain(id)
    expect(await noticeIdsSeen(laowang)).toContain(id)
    await xiaowang.request({
      method: 'PATCH',
      url: '/api/v1/me/message-preferences',
      payload: { items: [{ kind: 'notice', inbox: true }] }
    })
  })

  it('with nobody in its audience is refused with a clear message', async () => {
    const id = await draft(donghu, { audience: { roles: ['veteran'], veteranCategories: ['cadre_demobilized'] } })
    const response = await send(donghu, id)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toContain('没有可以接收的人')
    expect((await staffView(donghu, id)).status).toBe('draft')
  })
})

describe('filters', () => {
  it('reaches family members through linked veterans of a category, and not the veterans when only family is asked', async () => {
    const id = await approvedCityWide(city, admin, {
      title: '转业干部家属通知',
      audience: { roles: ['family'], veteranCategories: ['officer_transferred'] }
    })
    expect((await send(city, id)).statusCode).toBe(200)
    await untilSent(city, id)
    const seen = await Promise.all([liSon, lizhiqiang, laowang, xiaowang, chenxiuying].map(noticeIdsSeen))
    expect(seen.map((ids) => ids.includes(id))).toEqual([true, false, false, false, false])
  })

  it('reaches the veterans a published policy’s eligibility matches, and their families', async () => {
    const policyId = await publishPolicy(
      { author: city, approver: admin },
      policyInput({ title: '服役满十年人员补助', eligibility: { minServiceYears: 10 } })
    )
    const id = await approvedCityWide(city, admin, {
      title: '补助申领提醒',
      policyId,
      audience: { roles: ['veteran', 'family'], eligibleForPolicyId: policyId }
    })
    const preview = await city.request({ method: 'GET', url: `/api/v1/staff/notices/${id}/audience-preview` })
    expect(preview.json()).toEqual({ count: 3, veterans: 2, families: 1 })
    expect((await send(city, id)).json()).toEqual({ recipientCount: 3, status: 'sending' })
    await untilSent(city, id)
    const seen = await Promise.all([lizhiqiang, liSon, chenxiuying, laowang, xiaowang, zhangmin].map(noticeIdsSeen))
    expect(seen.map((ids) => ids.includes(id))).toEqual([true, true, true, false, false, false])
    const detail = await liSon.request({ method: 'GET', url: `/api/v1/notices/${id}` })
    expect(detail.json()).toMatchObject({
      policyId,
      policyTitle: '服役满十年人员补助',
      senderName: 'M市退役军人服务中心'
    })
  })
})

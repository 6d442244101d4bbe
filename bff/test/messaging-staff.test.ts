import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { book, catalog, createSlot, DONGHU, eveningIn, type Catalog } from './booking-helpers'
import {
  answer,
  ask,
  entriesSeen,
  errorOf,
  messagesSeen,
  setStatus,
  staffThreadSeen,
  threadSeen,
  write
} from './messaging-helpers'

// The staff inbox: own center only (city-level staff and admins: all), the queue's order and filters, assigning,
// replies and internal notes (never seen by residents anywhere), statuses, canned replies, audit, account closing.

let app: FastifyInstance
let laowang: Session
let xiaowang: Session
let donghu: Session
let xijiang: Session
let city: Session
let admin: Session
let cat: Catalog
const ids: Record<string, string> = {}

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, xiaowang, donghu, xijiang, city, admin] = await Promise.all([
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'city'),
    signInStaff(app, 'admin')
  ])
  cat = await catalog(laowang)
  for (const [name, session] of Object.entries({ donghu, xijiang, city, admin, laowang })) {
    ids[name] = (await session.request({ method: 'GET', url: '/api/v1/me' })).json().id
  }
})
afterAll(() => app.close())

interface QueueItem {
  id: string
  status: string
  centerId: string
  waitingSince: string | null
  slaDueAt: string | null
  slaState: string | null
  assignee: { id: string } | null
  residentNameMasked: string
  veteranNameMasked: string | null
}

async function queue(staff: Session, query = '') {
  const response = await staff.request({ method: 'GET', url: `/api/v1/staff/threads?limit=100${query}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items as QueueItem[]
}

async function notificationsOf(session: Session) {
  return (await session.request({ method: 'GET', url: '/api/v1/me/notifications?limit=100' })).json().items as {
    kind: string
    title: string
    body: string
    data: { threadId?: string }
  }[]
}

async function auditActions(entityId: string) {
  const items = (await admin.request({ method: 'GET', url: '/api/v1/admin/audit?limit=100' })).json().items as {
    action: string
    entityId: string
    actorId: string
  }[]
  return items.filter((e) => e.entityId === entityId).map((e) => e.action)
}

describe('the queue', () => {
  it('puts the longest-waiting first, with SLA due times; answered threads after the waiting ones', async () => {
    const a = await ask(laowang, { subject: '排队一' })
    const b = await ask(xiaowang, { subject: '排队二' })
    const c = await ask(laowang, { subject: '排队三' })
    expect((await answer(donghu, b.id, '已答复')).statusCode).toBe(201)
    const items = (await queue(donghu)).filter((t) => [a.id, b.id, c.id].includes(t.id))
    expect(items.map((t) => t.id)).toEqual([a.id, c.id, b.id])
    const waiting = (await queue(donghu)).filter((t) => t.waitingSince)
    expect(waiting.map((t) => t.waitingSince)).toEqual([...waiting.map((t) => t.waitingSince)].sort())
    expect(items[0]).toMatchObject({ status: 'open', residentNameMasked: '老*', veteranNameMasked: '王*国' })
    expect(items[0]!.slaDueAt! > items[0]!.waitingSince!).toBe(true)
    expect(['ok', 'due_soon', 'breached']).toContain(items[0]!.slaState)
    expect(items[2]).toMatchObject({ status: 'pending', waitingSince: null, slaDueAt: null, slaState: null })
  })

  it('filters by status and assignee, and pages', async () => {
    const mine = await ask(laowang, { subject: '分给我' })
    expect(
      (await donghu.request({ method: 'POST', url: `/api/v1/staff/threads/${mine.id}/assign`, payload: {} })).statusCode
    ).toBe(200)
    const assignedToMe = await queue(donghu, '&assignee=me')
    expect(assignedToMe.map((t) => t.id)).toContain(mine.id)
    expect(assignedToMe.every((t) => t.assignee?.id === ids.donghu)).toBe(true)
    const unassigned = await queue(donghu, '&assignee=unassigned')
    expect(unassigned.map((t) => t.id)).not.toContain(mine.id)
    expect(unassigned.every((t) => t.assignee === null)).toBe(true)
    const pending = await queue(donghu, '&status=pending')
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((t) => t.status === 'pending')).toBe(true)

    const all = await queue(donghu)
    const first = (await donghu.request({ method: 'GET', url: '/api/v1/staff/threads?limit=2' })).json()
    const second = (
      await donghu.request({ method: 'GET', url: `/api/v1/staff/threads?limit=2&cursor=${first.nextCursor}` })
    ).json()
    expect([...first.items, ...second.items].map((t: QueueItem) => t.id)).toEqual(all.slice(0, 4).map((t) => t.id))
  })

  it('shows staff their own center only; city-level staff and admins every center, or the one chosen', async () => {
    const elsewhere = await ask(laowang, { subject: '问西江', centerId: cat.center('西江区退役军人服务中心') })
    const here = await ask(laowang, { subject: '问东湖' })
    expect((await queue(donghu)).every((t) => t.centerId === cat.center(DONGHU))).toBe(true)
    expect((await queue(xijiang)).map((t) => t.id)).toContain(elsewhere.id)
    expect((await queue(xijiang)).map((t) => t.id)).not.toContain(here.id)
    const forbidden = await xijiang.request({
      method: 'GET',
      url: `/api/v1/staff/threads?centerId=${cat.center(DONGHU)}`
    })
    expect(forbidden.statusCode).toBe(403)
    for (const everyone of [city, admin]) {
      const all = (await queue(everyone)).map((t) => t.id)
      expect(all).toEqual(expect.arrayContaining([elsewhere.id, here.id]))
      const one = await queue(everyone, `&centerId=${cat.center(DONGHU)}`)
      expect(one.map((t) => t.id)).toContain(here.id)
      expect(one.every((t) => t.centerId === cat.center(DONGHU))).toBe(true)
    }
  })

  it("answers 404 for another center's thread on every staff route, 403 for residents", async () => {
    const thread = await ask(laowang)
    for (const response of await Promise.all([
      xijiang.request({ method: 'GET', url: `/api/v1/staff/threads/${thread.id}` }),
      xijiang.request({ method: 'GET', url: `/api/v1/staff/threads/${thread.id}/messages` }),
      answer(xijiang, thread.id, '不是我们中心的'),
      xijiang.request({ method: 'POST', url: `/api/v1/staff/threads/${thread.id}/assign`, payload: {} }),
      setStatus(xijiang, thread.id, 'resolved')
    ])) {
      expect(response.statusCode, response.body).toBe(404)
    }
    for (const response of await Promise.all([
      laowang.request({ method: 'GET', url: '/api/v1/staff/threads' }),
      laowang.request({ method: 'GET', url: `/api/v1/staff/threads/${thread.id}` }),
      answer(laowang, thread.id, '冒充工作人员'),
      laowang.request({ method: 'GET', url: '/api/v1/staff/canned-replies' })
    ])) {
      expect(response.statusCode).toBe(403)
    }
    expect((await messagesSeen(laowang, thread.id)).items).toHaveLength(1)
  })
})

describe('a thread in the inbox', () => {
  it('shows the asker masked, their veteran, upcoming bookings and the policy asked about', async () => {
    const policy = (await laowang.request({ method: 'GET', url: '/api/v1/policies?limit=1' })).json().items[0] as {
      id: string
      title: string
    }
    const slot = await createSlot(donghu, {
      centerId: cat.center(DONGHU),
      serviceId: cat.service('records'),
      startsInMinutes: eveningIn(3),
      capacity: 2
    })
    const booked = await book(laowang, { slotId: slot.id })
    expect(booked.statusCode, booked.body).toBe(201)
    const thread = await ask(laowang, { policyId: policy.id })
    const seen = await staffThreadSeen(donghu, thread.id)
    expect(seen).toMatchObject({
      residentNameMasked: '老*',
      residentRole: 'veteran',
      veteran: { nameMasked: '王*国', districtCode: '419902' },
      policyId: policy.id,
      policyTitle: policy.title
    })
    expect((seen.upcomingBookings as { id: string }[]).map((b) => b.id)).toContain(booked.json().id)
    expect(JSON.stringify(seen)).not.toContain('王建国')
  })

  it('assigns to me, to a colleague of the center or city level; anyone else is 400', async () => {
    const thread = await ask(laowang)
    const assign = (staff: Session, payload: Record<string, unknown>) =>
      staff.request({ method: 'POST', url: `/api/v1/staff/threads/${thread.id}/assign`, payload })
    const toMe = await assign(donghu, {})
    expect(toMe.statusCode).toBe(200)
    expect(toMe.json().assignee).toEqual({ id: ids.donghu, displayName: expect.any(String) })
    const toCity = await assign(donghu, { staffId: ids.city })
    expect(toCity.json().assignee.id).toBe(ids.city)
    expect(
      (await notificationsOf(city)).some((n) => n.kind === 'thread.assigned' && n.data.threadId === thread.id)
    ).toBe(true)
    for (const staffId of [ids.xijiang, ids.laowang, 'nobody']) {
      const refused = await assign(donghu, { staffId })
      expect(refused.statusCode, staffId).toBe(400)
      expect((errorOf(refused)!.details.fields as { path: string }[])[0]!.path).toBe('body.staffId')
    }
    expect(await auditActions(thread.id)).toEqual(expect.arrayContaining(['messaging.assign']))
  })

  it('lists whom a thread can be given to: the staff of its center, and the city-level caller; others 404/403', async () => {
    const thread = await ask(laowang)
    const assignees = (staff: Session) =>
      staff.request({ method: 'GET', url: `/api/v1/staff/threads/${thread.id}/assignees` })
    const ofDonghu = await assignees(donghu)
    expect(ofDonghu.statusCode).toBe(200)
    const names = ofDonghu.json().items.map((s: { id: string }) => s.id)
    expect(names).toContain(ids.donghu)
    expect(names).not.toContain(ids.xijiang)
    expect(names).not.toContain(ids.city)
    // City-level staff can take it themselves; each listed colleague is one the assign route accepts.
    const ofCity = (await assignees(city)).json().items.map((s: { id: string }) => s.id)
    expect(ofCity).toEqual(expect.arrayContaining([ids.city, ids.donghu]))
    for (const staffId of ofCity) {
      const given = await city.request({
        method: 'POST',
        url: `/api/v1/staff/threads/${thread.id}/assign`,
        payload: { staffId }
      })
      expect(given.statusCode, staffId).toBe(200)
    }
    expect((await assignees(xijiang)).statusCode).toBe(404)
    expect((await assignees(laowang)).statusCode).toBe(403)
  })

  it('a reply ends the wait, records the first response, notifies the resident and leaves the thread pending', async () => {
    const thread = await ask(xiaowang, { subject: '抚恤金什么时候发？' })
    const before = await staffThreadSeen(donghu, thread.id)
    expect(before).toMatchObject({ status: 'open', firstResponseAt: null })
    expect(before.waitingSince).not.toBeNull()
    const reply = await answer(donghu, thread.id, '每月 10 日前发放。')
    expect(reply.statusCode).toBe(201)
    expect(reply.json()).toMatchObject({ seq: 2, position: 2, internal: false, authorRole: 'staff' })
    const after = await staffThreadSeen(donghu, thread.id)
    expect(after).toMatchObject({ status: 'pending', waitingSince: null, slaDueAt: null, slaBreaches: 0 })
    expect(after.firstResponseAt).not.toBeNull()
    const told = (await notificationsOf(xiaowang)).find((n) => n.data.threadId === thread.id)
    expect(told).toMatchObject({ kind: 'thread.reply', body: expect.stringContaining('每月 10 日前发放') })
    // The resident answers: the assignee (if any) hears of it, and the thread waits for staff again.
    expect(
      (await donghu.request({ method: 'POST', url: `/api/v1/staff/threads/${thread.id}/assign`, payload: {} }))
        .statusCode
    ).toBe(200)
    expect((await write(xiaowang, thread.id, '好的，谢谢')).statusCode).toBe(201)
    expect(
      (await notificationsOf(donghu)).some((n) => n.kind === 'thread.message' && n.data.threadId === thread.id)
    ).toBe(true)
    expect((await staffThreadSeen(donghu, thread.id)).status).toBe('open')
    expect(await auditActions(thread.id)).toEqual(expect.arrayContaining(['messaging.reply']))
  })

  it('keeps internal notes from residents: messages, thread, export, notifications; staff see them flagged', async () => {
    const thread = await ask(laowang, { subject: '备注测试' })
    const secret = '内部备注：此人上月已来电两次'
    const note = await answer(donghu, thread.id, secret, { internal: true })
    expect(note.statusCode).toBe(201)
    expect(note.json()).toMatchObject({ internal: true, seq: null, position: 2 })
    expect((await answer(donghu, thread.id, '您好，已收到。')).json()).toMatchObject({ seq: 2, position: 3 })

    const staffView = await entriesSeen(donghu, thread.id)
    expect(staffView.items.map((e) => [e.position, e.seq, e.internal])).toEqual([
      [1, 1, false],
      [2, null, true],
      [3, 2, false]
    ])
    expect((await entriesSeen(donghu, thread.id, '?afterPosition=1&limit=1')).items.map((e) => e.position)).toEqual([2])
    // Staff see the asker masked, in the conversation as in the queue; their colleagues by name.
    expect(staffView.items.map((e) => e.authorName)).toEqual([
      '老*',
      '东湖区退役军人服务中心工作人员',
      '东湖区退役军人服务中心工作人员'
    ])

    const residentMessages = await laowang.request({ method: 'GET', url: `/api/v1/threads/${thread.id}/messages` })
    expect(residentMessages.json().items.map((m: { seq: number }) => m.seq)).toEqual([1, 2])
    const texts = [
      residentMessages.body,
      (await laowang.request({ method: 'GET', url: `/api/v1/threads/${thread.id}` })).body,
      (await laowang.request({ method: 'GET', url: '/api/v1/threads?limit=100' })).body,
      (await laowang.request({ method: 'GET', url: '/api/v1/me/notifications?limit=100' })).body,
      (await laowang.request({ method: 'GET', url: '/api/v1/me/export' })).body
    ]
    for (const text of texts) expect(text).not.toContain(secret)
    expect((await threadSeen(laowang, thread.id)).lastSeq).toBe(2)
    const exported = (await laowang.request({ method: 'GET', url: '/api/v1/me/export' })).json().records
    expect(exported.threads.map((t: { id: string }) => t.id)).toContain(thread.id)
    expect(
      exported.threadMessages
        .filter((m: { threadId: string }) => m.threadId === thread.id)
        .map((m: { seq: number }) => m.seq)
    ).toEqual([1, 2])
    // A note alone neither ends the wait nor tells anyone.
    const quiet = await ask(laowang, { subject: '只有备注' })
    await answer(donghu, quiet.id, '先查一下档案', { internal: true })
    expect((await staffThreadSeen(donghu, quiet.id)).status).toBe('open')
    expect((await notificationsOf(laowang)).some((n) => n.data.threadId === quiet.id)).toBe(false)
    const both = await answer(donghu, quiet.id, '备注并办结', { internal: true, resolve: true })
    expect(both.statusCode).toBe(400)
  })

  it('sets the status: resolved and pending end the wait, open starts it again; audited', async () => {
    const thread = await ask(laowang)
    const resolved = await setStatus(donghu, thread.id, 'resolved')
    expect(resolved.statusCode).toBe(200)
    expect(resolved.json()).toMatchObject({ status: 'resolved', waitingSince: null, slaDueAt: null })
    const reopened = await setStatus(donghu, thread.id, 'open')
    expect(reopened.json()).toMatchObject({ status: 'open' })
    expect(reopened.json().slaDueAt).not.toBeNull()
    expect((await setStatus(donghu, thread.id, 'closed')).statusCode).toBe(400)
    expect(await auditActions(thread.id)).toEqual(expect.arrayContaining(['messaging.status']))
  })
})

describe('canned replies', () => {
  it('are team-wide: one member adds, every member sees them; audited', async () => {
    const created = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/canned-replies',
      payload: { title: '节假日说明', body: '节假日期间暂停线上答复，节后第一个工作日回复您。' }
    })
    expect(created.statusCode).toBe(201)
    const listed = (await xijiang.request({ method: 'GET', url: '/api/v1/staff/canned-replies' })).json().items as {
      id: string
      title: string
    }[]
    expect(listed.map((r) => r.id)).toContain(created.json().id)
    expect(listed.length).toBeGreaterThan(1)
    expect(await auditActions(created.json().id)).toEqual(['messaging.canned_reply.create'])
    expect(
      (await donghu.request({ method: 'POST', url: '/api/v1/staff/canned-replies', payload: { title: '', body: 'x' } }))
        .statusCode
    ).toBe(400)
  })
})

describe('closing an account', () => {
  it("erases the resident's words; staff keep their replies and the timings, no longer saying whose", async () => {
    const leaver = await signInWechat(app, 'msg-leaver')
    const thread = await ask(leaver, { subject: '我的私事', body: '我家住在幸福路 8 号', centerId: cat.center(DONGHU) })
    expect((await answer(donghu, thread.id, '请来中心面谈。')).statusCode).toBe(201)
    expect((await leaver.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)
    const seen = await staffThreadSeen(donghu, thread.id)
    expect(seen).toMatchObject({ status: 'resolved', veteranNameMasked: null })
    expect(seen.subject).not.toContain('私事')
    expect(seen.firstResponseAt).not.toBeNull()
    const entries = await entriesSeen(donghu, thread.id)
    expect(entries.items.map((e) => e.body)).toEqual(['', '请来中心面谈。'])
    expect(JSON.stringify(await queue(donghu))).not.toContain('幸福路')
  })
})

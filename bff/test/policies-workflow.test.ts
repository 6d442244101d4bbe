import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { PolicyListItem, StaffPolicy } from '@veterans/shared'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  createDraft,
  policyInput,
  publishPolicy,
  search,
  shanghaiDay,
  staffPair,
  type Staff
} from './policies-fixtures'

let app: FastifyInstance
let staff: Staff
let other: Session
let resident: Session

beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffPair(app)
  other = await signInStaff(app, 'xijiang')
  resident = await signInWechat(app, 'laowang')
})
afterAll(() => app.close())

const post = (who: Session, url: string, payload?: object) =>
  who.request({ method: 'POST', url, ...(payload ? { payload } : {}) })
const staffView = async (id: string): Promise<StaffPolicy> =>
  (await staff.approver.request({ method: 'GET', url: `/api/v1/staff/policies/${id}` })).json()
const auditOf = async (action: string, entityId: string) => {
  const response = await staff.approver.request({
    method: 'GET',
    url: `/api/v1/admin/audit?action=${action}&limit=100`
  })
  return response.json().items.filter((e: { entityId: string }) => e.entityId === entityId)
}
const fieldPaths = (body: { error: { details: { fields?: { path: string }[] } } }) =>
  (body.error.details.fields ?? []).map((f) => f.path)

describe('drafting', () => {
  it('creates a draft (201 { id, workflow }) and audits it', async () => {
    const response = await staff.author.request({
      method: 'POST',
      url: '/api/v1/staff/policies',
      payload: policyInput({ title: '起草测试' })
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ id: expect.any(String), workflow: 'draft' })
    const id = response.json().id
    const view = await staffView(id)
    expect(view).toMatchObject({
      title: '起草测试',
      workflow: 'draft',
      authorName: expect.any(String),
      approverId: null,
      publishedAt: null
    })
    expect(await auditOf('policy.create', id)).toHaveLength(1)
  })

  it('refuses bad input with the fields named', async () => {
    const cases: [object, string][] = [
      [{ ...policyInput(), title: '' }, 'body.title'],
      [{ ...policyInput(), level: 'galactic' }, 'body.level'],
      [{ ...policyInput(), category: 'cooking' }, 'body.category'],
      [policyInput({ effectiveFrom: '2025-02-30' }), 'body.effectiveFrom'],
      [policyInput({ effectiveFrom: '2025-03-01', effectiveTo: '2025-01-01' }), 'body.effectiveTo'],
      [policyInput({ eligibility: { districts: ['999999'] } }), 'body.eligibility.districts'],
      [policyInput({ eligibility: { disabilityLevels: [11] } }), 'body.eligibility.disabilityLevels.0'],
      [policyInput({ relatedServiceIds: ['01NOSUCHSERVICE'] }), 'body.relatedServiceIds'],
      [policyInput({ supersedesId: '01NOSUCHPOLICY' }), 'body.supersedesId']
    ]
    for (const [payload, path] of cases) {
      const response = await staff.author.request({ method: 'POST', url: '/api/v1/staff/policies', payload })
      expect(response.statusCode, path).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
      expect(fieldPaths(response.json()), path).toContain(path)
    }
    const missing = await staff.author.request({
      method: 'POST',
      url: '/api/v1/staff/policies',
      payload: { title: '只有标题' }
    })
    expect(fieldPaths(missing.json())).toEqual(
      expect.arrayContaining(['body.docNumber', 'body.issuer', 'body.level', 'body.body'])
    )
  })

  it('lets only the author edit, and only while it is a draft; the index follows the edit', async () => {
    const id = await createDraft(staff.author, policyInput({ title: '初稿标题' }))
    const edited = await staff.author.request({
      method: 'PUT',
      url: `/api/v1/staff/policies/${id}`,
      payload: policyInput({ title: '修改后的标题', body: '新增内容：鸿雁于飞。' })
    })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ title: '修改后的标题', workflow: 'draft' })
    expect(await auditOf('policy.update', id)).toHaveLength(1)
    const found = await staff.author.request({
      method: 'GET',
      url: `/api/v1/staff/policies?q=${encodeURIComponent('鸿雁于飞')}`
    })
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([id])
    const stale = await staff.author.request({
      method: 'GET',
      url: `/api/v1/staff/policies?q=${encodeURIComponent('初稿标题')}`
    })
    expect(stale.json().total).toBe(0)

    const byOther = await other.request({ method: 'PUT', url: `/api/v1/staff/policies/${id}`, payload: policyInput() })
    expect(byOther.statusCode).toBe(403)
    expect(byOther.json().error.code).toBe('FORBIDDEN')

    expect((await post(staff.author, `/api/v1/staff/policies/${id}/submit`)).statusCode).toBe(200)
    const afterSubmit = await staff.author.request({
      method: 'PUT',
      url: `/api/v1/staff/policies/${id}`,
      payload: policyInput()
    })
    expect(afterSubmit.statusCode).toBe(409)
    expect(afterSubmit.json().error.code).toBe('INVALID_STATE')
  })
})

describe('submitting, approving, returning, repealing', () => {
  it('publishes only with a second person: self-approval is 403 SELF_APPROVAL', async () => {
    const id = await createDraft(staff.author, policyInput({ title: '两人审核' }))
    expect((await post(other, `/api/v1/staff/policies/${id}/submit`)).json().error.code).toBe('FORBIDDEN')
    const submitted = await post(staff.author, `/api/v1/staff/policies/${id}/submit`)
    expect(submitted.json()).toMatchObject({ workflow: 'pending', submittedAt: expect.any(String) })
    expect((await post(staff.author, `/api/v1/staff/policies/${id}/submit`)).statusCode).toBe(409)

    const self = await post(staff.author, `/api/v1/staff/policies/${id}/approve`)
    expect(self.statusCode).toBe(403)
    expect(self.json().error.code).toBe('SELF_APPROVAL')
    expect((await staffView(id)).workflow).toBe('pending')

    const approved = await post(other, `/api/v1/staff/policies/${id}/approve`)
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({
      workflow: 'published',
      approverId: other.user.id,
      publishedAt: expect.any(String)
    })
    expect((await post(staff.approver, `/api/v1/staff/policies/${id}/approve`)).json().error.code).toBe('INVALID_STATE')
    expect(await auditOf('policy.submit', id)).toHaveLength(1)
    expect(await auditOf('policy.approve', id)).toEqual([expect.objectContaining({ actorId: other.user.id })])
  })

  it('publishes once when two reviewers approve at the same moment', async () => {
    const id = await createDraft(staff.author, policyInput())
    await post(staff.author, `/api/v1/staff/policies/${id}/submit`)
    const results = await Promise.all([
      post(other, `/api/v1/staff/policies/${id}/approve`),
      post(staff.approver, `/api/v1/staff/policies/${id}/approve`)
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    expect(await auditOf('policy.approve', id)).toHaveLength(1)
  })

  it('returns a pending policy to its author with a note', async () => {
    const id = await createDraft(staff.author, policyInput())
    expect((await post(other, `/api/v1/staff/policies/${id}/return`, { note: '请补充' })).json().error.code).toBe(
      'INVALID_STATE'
    )
    await post(staff.author, `/api/v1/staff/policies/${id}/submit`)
    const noNote = await post(other, `/api/v1/staff/policies/${id}/return`, {})
    expect(fieldPaths(noNote.json())).toEqual(['body.note'])
    const returned = await post(other, `/api/v1/staff/policies/${id}/return`, { note: '请补充申请材料清单' })
    expect(returned.json()).toMatchObject({ workflow: 'draft', reviewNote: '请补充申请材料清单' })
    expect(await auditOf('policy.return', id)).toHaveLength(1)
    expect(
      (await staff.author.request({ method: 'PUT', url: `/api/v1/staff/policies/${id}`, payload: policyInput() }))
        .statusCode
    ).toBe(200)
  })

  it('repeals a published policy, which stays readable as repealed', async () => {
    const draft = await createDraft(staff.author, policyInput())
    expect((await post(other, `/api/v1/staff/policies/${draft}/repeal`, {})).json().error.code).toBe('INVALID_STATE')
    const id = await publishPolicy(staff, policyInput({ title: '将被废止' }))
    const repealed = await post(other, `/api/v1/staff/policies/${id}/repeal`, { reason: '上位法调整' })
    expect(repealed.json()).toMatchObject({
      validity: 'repealed',
      repealReason: '上位法调整',
      repealedAt: expect.any(String)
    })
    expect((await post(other, `/api/v1/staff/policies/${id}/repeal`, {})).json().error.code).toBe('INVALID_STATE')
    expect((await app.inject(`/api/v1/policies/${id}`)).json().validity).toBe('repealed')
    const withoutBody = await publishPolicy(staff, policyInput())
    expect((await post(other, `/api/v1/staff/policies/${withoutBody}/repeal`)).json()).toMatchObject({
      validity: 'repealed',
      repealReason: null
    })
    expect(await auditOf('policy.repeal', id)).toEqual([expect.objectContaining({ detail: { reason: '上位法调整' } })])
  })
})

describe('superseding', () => {
  it('marks the older policy superseded, linked to the newer one, when the newer one is published', async () => {
    const old = await publishPolicy(staff, policyInput({ title: '旧版办法', effectiveFrom: shanghaiDay(-300) }))
    const newer = await createDraft(
      staff.author,
      policyInput({ title: '新版办法', supersedesId: old, effectiveFrom: shanghaiDay(-1) })
    )
    expect((await staffView(newer)).supersedes).toEqual({ id: old, title: '旧版办法', docNumber: expect.any(String) })
    await post(staff.author, `/api/v1/staff/policies/${newer}/submit`)
    // Not yet published: readers see no link and the old one in force.
    const before = (await app.inject(`/api/v1/policies/${old}`)).json()
    expect(before.validity).toBe('in_force')
    expect(before.supersededBy).toBeUndefined()

    expect((await post(other, `/api/v1/staff/policies/${newer}/approve`)).statusCode).toBe(200)
    const after = (await app.inject(`/api/v1/policies/${old}`)).json()
    expect(after).toMatchObject({ validity: 'superseded', supersededBy: { id: newer, title: '新版办法' } })
    expect((await app.inject(`/api/v1/policies/${newer}`)).json().supersedes).toMatchObject({ id: old })
    expect(await auditOf('policy.superseded', old)).toHaveLength(1)

    const again = await staff.author.request({
      method: 'POST',
      url: '/api/v1/staff/policies',
      payload: policyInput({ supersedesId: old })
    })
    expect(fieldPaths(again.json())).toEqual(['body.supersedesId'])
  })

  it('keeps the older policy in force until the newer one takes effect', async () => {
    const old = await publishPolicy(staff, policyInput({ title: '现行办法', effectiveFrom: shanghaiDay(-300) }))
    await publishPolicy(
      staff,
      policyInput({ title: '下月施行的新办法', supersedesId: old, effectiveFrom: shanghaiDay(30) })
    )
    const view = (await app.inject(`/api/v1/policies/${old}`)).json()
    expect(view.validity).toBe('in_force')
    expect(view.supersededBy).toMatchObject({ title: '下月施行的新办法' })
  })

  it('refuses to publish a second replacement of the same policy', async () => {
    const old = await publishPolicy(staff, policyInput({ effectiveFrom: shanghaiDay(-300) }))
    const first = await createDraft(staff.author, policyInput({ supersedesId: old }))
    const second = await createDraft(staff.author, policyInput({ supersedesId: old }))
    for (const id of [first, second]) await post(staff.author, `/api/v1/staff/policies/${id}/submit`)
    expect((await post(other, `/api/v1/staff/policies/${first}/approve`)).statusCode).toBe(200)
    const conflict = await post(other, `/api/v1/staff/policies/${second}/approve`)
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().error.code).toBe('INVALID_STATE')
    expect((await staffView(second)).workflow).toBe('pending')
  })
})

describe('who sees drafts and pending policies', () => {
  it('never shows them to readers: not in lists, searches or by id', async () => {
    const draft = await createDraft(
      staff.author,
      policyInput({ title: '未发布草稿青鸟殷勤', summary: '青鸟殷勤为探看' })
    )
    const pending = await createDraft(staff.author, policyInput({ title: '待审核青鸟殷勤', summary: '青鸟殷勤为探看' }))
    await post(staff.author, `/api/v1/staff/policies/${pending}/submit`)
    for (const id of [draft, pending]) {
      expect((await app.inject(`/api/v1/policies/${id}`)).statusCode).toBe(404)
      expect((await resident.request({ method: 'GET', url: `/api/v1/policies/${id}` })).statusCode).toBe(404)
    }
    for (const validity of ['in_force', 'all']) {
      expect((await search(app, { q: '青鸟殷勤', validity })).json().total).toBe(0)
      const listed = (await search(app, { validity, limit: 100 })).json()
      expect(listed.items.map((i: PolicyListItem) => i.id)).not.toEqual(expect.arrayContaining([draft]))
      expect(listed.items.map((i: PolicyListItem) => i.id)).not.toEqual(expect.arrayContaining([pending]))
    }

    const staffList = await staff.approver.request({
      method: 'GET',
      url: `/api/v1/staff/policies?q=${encodeURIComponent('青鸟殷勤')}`
    })
    expect(
      staffList
        .json()
        .items.map((i: { id: string; workflow: string }) => [i.id, i.workflow])
        .sort()
    ).toEqual(
      [
        [draft, 'draft'],
        [pending, 'pending']
      ].sort()
    )
    const pendingOnly = await staff.approver.request({
      method: 'GET',
      url: '/api/v1/staff/policies?workflow=pending&limit=100'
    })
    expect(pendingOnly.json().items.every((i: { workflow: string }) => i.workflow === 'pending')).toBe(true)
    expect(pendingOnly.json().items.map((i: { id: string }) => i.id)).toContain(pending)
    const mine = await other.request({ method: 'GET', url: '/api/v1/staff/policies?mine=true' })
    expect(mine.json().items.map((i: { id: string }) => i.id)).not.toContain(draft)
    const preview = await other.request({ method: 'GET', url: `/api/v1/staff/policies/${draft}` })
    expect(preview.json()).toMatchObject({
      id: draft,
      workflow: 'draft',
      body: expect.any(String),
      validity: 'in_force'
    })
  })
})

describe('access to staff routes', () => {
  const routes = (id: string): (InjectOptions & { url: string })[] => [
    { method: 'GET', url: '/api/v1/staff/policies' },
    { method: 'GET', url: `/api/v1/staff/policies/${id}` },
    { method: 'POST', url: '/api/v1/staff/policies', payload: policyInput() },
    { method: 'PUT', url: `/api/v1/staff/policies/${id}`, payload: policyInput() },
    { method: 'POST', url: `/api/v1/staff/policies/${id}/submit` },
    { method: 'POST', url: `/api/v1/staff/policies/${id}/approve` },
    { method: 'POST', url: `/api/v1/staff/policies/${id}/return`, payload: { note: '退回' } },
    { method: 'POST', url: `/api/v1/staff/policies/${id}/repeal`, payload: {} }
  ]

  it('is 401 without a token and 403 for residents, veterans and family', async () => {
    const id = await createDraft(staff.author, policyInput())
    const family = await signInWechat(app, 'xiaowang')
    const unbound = await signInWechat(app, 'zhangmin')
    for (const route of routes(id)) {
      const anonymous = await app.inject(route)
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401)
      expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
      for (const who of [resident, family, unbound]) {
        const forbidden = await who.request(route)
        expect(forbidden.statusCode, `${route.method} ${route.url}`).toBe(403)
        expect(forbidden.json().error.code).toBe('FORBIDDEN')
      }
    }
    expect((await staffView(id)).workflow).toBe('draft')
  })

  it('is 404 for an unknown policy on every route that names one', async () => {
    for (const route of routes('01NOSUCHPOLICY000000000000').filter((r) => r.url.includes('01NOSUCH'))) {
      const response = await staff.approver.request(route)
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
    }
  })
})

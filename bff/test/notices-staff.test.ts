import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { DONGHU, XIJIANG, approvedCityWide, draft, draftRequest, send, staffView, untilSent } from './notices-helpers'

// The staff side: drafting with its checks, district scope, the two-person rule for city-wide notices, roles.

let app: FastifyInstance
let admin: Session
let city: Session
let donghu: Session
let xijiang: Session
let jiefang: Session
let laowang: Session

beforeAll(async () => {
  app = await buildTestApp()
  ;[admin, city, donghu, xijiang, jiefang, laowang] = await Promise.all([
    signInStaff(app, 'admin'),
    signInStaff(app, 'city'),
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'donghu-jiefang'),
    signInWechat(app, 'laowang')
  ])
})
afterAll(() => app.close())

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { error: { details: { fields: { path: string }[] } } }).error.details.fields.map((f) => f.path)

describe('drafting', () => {
  it('fills in the district of district staff; city staff without districts draft a city-wide notice', async () => {
    const district = await staffView(donghu, await draft(donghu))
    expect(district).toMatchObject({ status: 'draft', cityWide: false, audience: { districts: [DONGHU] } })
    const street = await staffView(jiefang, await draft(jiefang))
    expect(street.audience.districts).toEqual([DONGHU])
    const cityWide = await staffView(city, await draft(city))
    expect(cityWide).toMatchObject({ status: 'draft', cityWide: true })
    expect(cityWide.audience.districts).toBeUndefined()
  })

  it('refuses another district to district staff, naming it', async () => {
    const response = await draftRequest(donghu, { audience: { roles: ['veteran'], districts: [DONGHU, XIJIANG] } })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { districts: [XIJIANG] } } })
  })

  it('answers 400 naming the field for unknown districts, categories, policies and bad shapes', async () => {
    const unknownDistrict = await draftRequest(city, { audience: { roles: ['veteran'], districts: ['999999'] } })
    expect(unknownDistrict.statusCode).toBe(400)
    expect(fieldsOf(unknownDistrict.body)).toContain('body.audience.districts')
    const category = await draftRequest(city, { audience: { roles: ['veteran'], veteranCategories: ['general'] } })
    expect(category.statusCode).toBe(400)
    expect(fieldsOf(category.body).some((p) => p.startsWith('body.audience.veteranCategories'))).toBe(true)
    const policy = await draftRequest(city, { policyId: 'no-such-policy' })
    expect(policy.statusCode).toBe(400)
    expect(fieldsOf(policy.body)).toContain('body.policyId')
    const eligibility = await draftRequest(city, { audience: { roles: ['veteran'], eligibleForPolicyId: 'nope' } })
    expect(eligibility.statusCode).toBe(400)
    expect(fieldsOf(eligibility.body)).toContain('body.audience.eligibleForPolicyId')
    const noRoles = await draftRequest(city, { audience: { roles: [] } })
    expect(noRoles.statusCode).toBe(400)
    expect(fieldsOf(noRoles.body).some((p) => p.startsWith('body.audience.roles'))).toBe(true)
    const blank = await draftRequest(city, { title: '   ' })
    expect(blank.statusCode).toBe(400)
    expect(fieldsOf(blank.body)).toContain('body.title')
  })

  it('lets only the author change or delete a draft, and only while it is a draft', async () => {
    const id = await draft(donghu, { title: '初稿' })
    const otherStaff = await signInStaff(app, 'city')
    const byOther = await otherStaff.request({
      method: 'PATCH',
      url: `/api/v1/staff/notices/${id}`,
      payload: { title: '改' }
    })
    expect(byOther.statusCode).toBe(403)
    const changed = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/notices/${id}`,
      payload: { title: '定稿' }
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ title: '定稿', status: 'draft' })
    const empty = await donghu.request({ method: 'PATCH', url: `/api/v1/staff/notices/${id}`, payload: {} })
    expect(empty.statusCode).toBe(400)

    expect((await send(donghu, id)).statusCode).toBe(200)
    await untilSent(donghu, id)
    const late = await donghu.request({
      method: 'PATCH',
      url: `/api/v1/staff/notices/${id}`,
      payload: { title: '再改' }
    })
    expect(late.statusCode).toBe(409)
    expect((await donghu.request({ method: 'DELETE', url: `/api/v1/staff/notices/${id}` })).statusCode).toBe(409)

    const doomed = await draft(donghu)
    expect((await city.request({ method: 'DELETE', url: `/api/v1/staff/notices/${doomed}` })).statusCode).toBe(403)
    expect((await donghu.request({ method: 'DELETE', url: `/api/v1/staff/notices/${doomed}` })).statusCode).toBe(204)
    expect((await donghu.request({ method: 'GET', url: `/api/v1/staff/notices/${doomed}` })).statusCode).toBe(404)
  })

  it('audits every staff write', async () => {
    const id = await approvedCityWide(city, admin, { title: '审计测试' })
    expect((await send(city, id)).statusCode).toBe(200)
    const audit = await admin.request({ method: 'GET', url: '/api/v1/admin/audit?limit=100' })
    expect(audit.statusCode).toBe(200)
    const actions = (audit.json().items as { action: string; entityId: string }[])
      .filter((e) => e.entityId === id)
      .map((e) => e.action)
    expect(actions.sort()).toEqual(['notice.approve', 'notice.create', 'notice.send', 'notice.submit'])
  })
})

describe('scope', () => {
  it('shows district staff their district’s notices only (others 404), city level all', async () => {
    const id = await draft(donghu, { title: '东湖专属' })
    for (const path of ['', '/audience-preview']) {
      expect((await xijiang.request({ method: 'GET', url: `/api/v1/staff/notices/${id}${path}` })).statusCode).toBe(404)
      expect((await city.request({ method: 'GET', url: `/api/v1/staff/notices/${id}${path}` })).statusCode).toBe(200)
    }
    expect((await send(xijiang, id)).statusCode).toBe(404)
    const list = async (s: Session) =>
      (
        (await s.request({ method: 'GET', url: '/api/v1/staff/notices?limit=100' })).json().items as { id: string }[]
      ).map((n) => n.id)
    expect(await list(donghu)).toContain(id)
    expect(await list(admin)).toContain(id)
    expect(await list(xijiang)).not.toContain(id)
  })

  it('refuses residents on staff routes and staff on resident routes (403)', async () => {
    expect((await draftRequest(laowang)).statusCode).toBe(403)
    expect((await laowang.request({ method: 'GET', url: '/api/v1/staff/notices' })).statusCode).toBe(403)
    expect((await donghu.request({ method: 'GET', url: '/api/v1/notices' })).statusCode).toBe(403)
    expect((await donghu.request({ method: 'GET', url: '/api/v1/notices/unread-count' })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/notices' })).statusCode).toBe(401)
  })

  it('answers 404 for notices that do not exist', async () => {
    for (const [method, path] of [
      ['GET', ''],
      ['GET', '/audience-preview'],
      ['POST', '/submit'],
      ['POST', '/approve']
    ] as const)
      expect((await city.request({ method, url: `/api/v1/staff/notices/NOPE${path}` })).statusCode).toBe(404)
    expect((await send(city, 'NOPE')).statusCode).toBe(404)
  })
})

describe('city-wide notices need a second person', () => {
  it('cannot be sent before approval, nor approved by their author or by district staff', async () => {
    const id = await draft(city, { title: '全市通知' })
    const early = await send(city, id)
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('INVALID_STATE')
    expect((await city.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` })).statusCode).toBe(409)
    expect((await city.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/submit` })).statusCode).toBe(200)
    const self = await city.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` })
    expect(self.statusCode).toBe(403)
    expect(self.json().error).toMatchObject({ code: 'SELF_APPROVAL' })
    expect(self.json().error.message).toContain('通知')
    expect((await send(city, id)).statusCode).toBe(409)
    const approved = await admin.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'approved', approverName: '市局管理员' })
    const sent = await send(city, id)
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toMatchObject({ status: 'sending' })
    expect(sent.json().recipientCount).toBeGreaterThan(0)
  })

  it('is approved by city level only; district notices need no approval', async () => {
    const id = await draft(admin)
    await admin.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/submit` })
    const own = await draft(donghu)
    expect((await donghu.request({ method: 'POST', url: `/api/v1/staff/notices/${own}/submit` })).statusCode).toBe(409)
    // District staff do not even see the city-wide notice.
    expect((await donghu.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` })).statusCode).toBe(404)
  })
})

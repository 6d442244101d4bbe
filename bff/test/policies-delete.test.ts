import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { createDraft, policyInput, publishPolicy, staffPair, type Staff } from './policies-fixtures'

let app: FastifyInstance
let staff: Staff
let colleague: Session

beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffPair(app)
  colleague = await signInStaff(app, 'xijiang')
})
afterAll(() => app.close())

const remove = (who: Session, id: string) => who.request({ method: 'DELETE', url: `/api/v1/staff/policies/${id}` })
const staffGet = (id: string) => staff.approver.request({ method: 'GET', url: `/api/v1/staff/policies/${id}` })
const staffListIds = async (q: string): Promise<string[]> => {
  const response = await staff.approver.request({
    method: 'GET',
    url: `/api/v1/staff/policies?q=${encodeURIComponent(q)}&limit=100`
  })
  return response.json().items.map((i: { id: string }) => i.id)
}
const deletionAudit = async (id: string) => {
  const response = await staff.approver.request({
    method: 'GET',
    url: '/api/v1/admin/audit?action=policy.delete&limit=100'
  })
  return response.json().items.filter((e: { entityId: string }) => e.entityId === id)
}

describe('DELETE /staff/policies/:id', () => {
  it('lets the author delete a draft: 204, gone from the staff list and search, audited', async () => {
    const id = await createDraft(
      staff.author,
      policyInput({ title: '要删除的草稿云中锦书', docNumber: 'M删发〔2026〕1号' })
    )
    expect(await staffListIds('云中锦书')).toEqual([id])

    const response = await remove(staff.author, id)
    expect(response.statusCode, response.body).toBe(204)
    expect(response.body).toBe('')
    expect((await staffGet(id)).statusCode).toBe(404)
    expect(await staffListIds('云中锦书')).toEqual([])
    expect(await deletionAudit(id)).toEqual([
      expect.objectContaining({
        action: 'policy.delete',
        entity: 'policy',
        entityId: id,
        detail: { title: '要删除的草稿云中锦书', docNumber: 'M删发〔2026〕1号' }
      })
    ])
    // Deleted is deleted: a second try finds nothing.
    expect((await remove(staff.author, id)).statusCode).toBe(404)
  })

  it('lets an admin delete anyone’s draft', async () => {
    const id = await createDraft(staff.author, policyInput({ title: '管理员清理的草稿' }))
    expect((await remove(staff.approver, id)).statusCode).toBe(204)
    expect((await staffGet(id)).statusCode).toBe(404)
  })

  it('refuses another staff member’s draft with 403, and the draft stays', async () => {
    const id = await createDraft(staff.author, policyInput({ title: '别人的草稿' }))
    const response = await remove(colleague, id)
    expect(response.statusCode).toBe(403)
    expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: '只有起草人或管理员可以删除这份草稿' })
    expect((await staffGet(id)).json().workflow).toBe('draft')
    expect(await deletionAudit(id)).toEqual([])
  })

  it('refuses pending and published policies with 409 INVALID_STATE, even for the author or an admin', async () => {
    const pending = await createDraft(staff.author, policyInput({ title: '已提交的政策' }))
    await staff.author.request({ method: 'POST', url: `/api/v1/staff/policies/${pending}/submit` })
    const published = await publishPolicy(staff, policyInput({ title: '已发布的政策不能删' }))
    for (const [who, id] of [
      [staff.author, pending],
      [staff.approver, pending],
      [staff.author, published],
      [staff.approver, published]
    ] as const) {
      const response = await remove(who, id)
      expect(response.statusCode).toBe(409)
      expect(response.json().error.code).toBe('INVALID_STATE')
    }
    expect((await staffGet(pending)).json().workflow).toBe('pending')
    expect((await staffGet(published)).json().workflow).toBe('published')
    expect((await app.inject(`/api/v1/policies/${published}`)).statusCode).toBe(200)
  })

  it('is 404 for an unknown policy and 400 with the field for a malformed id', async () => {
    const unknown = await remove(staff.author, '01NOSUCHPOLICY000000000000')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('NOT_FOUND')
    const malformed = await remove(staff.author, 'x'.repeat(65))
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED')
    expect(malformed.json().error.details.fields.map((f: { path: string }) => f.path)).toContain('params.id')
  })

  it('is 401 without a token and 403 for residents, veterans and family', async () => {
    const id = await createDraft(staff.author, policyInput({ title: '居民删不了的草稿' }))
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/staff/policies/${id}` })).statusCode).toBe(401)
    for (const name of ['laowang', 'xiaowang', 'zhangmin']) {
      const response = await remove(await signInWechat(app, name), id)
      expect(response.statusCode, name).toBe(403)
      expect(response.json().error.code).toBe('FORBIDDEN')
    }
    expect((await staffGet(id)).json().workflow).toBe('draft')
  })

  it('deletes once when the same delete arrives many times at once', async () => {
    const id = await createDraft(staff.author, policyInput({ title: '连点十次删除' }))
    const answers = await Promise.all(Array.from({ length: 10 }, () => remove(staff.author, id)))
    const codes = answers.map((a) => a.statusCode).sort()
    expect(codes).toEqual([204, ...Array<number>(9).fill(404)])
    expect(await deletionAudit(id)).toHaveLength(1)
  })

  it('either deletes or submits when both are asked at the same moment, never both', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await createDraft(staff.author, policyInput({ title: `同时删除和提交${round}` }))
      const [deleted, submitted] = await Promise.all([
        remove(staff.author, id),
        staff.author.request({ method: 'POST', url: `/api/v1/staff/policies/${id}/submit` })
      ])
      const outcome = [deleted.statusCode, submitted.statusCode]
      expect([
        [204, 404],
        [409, 200]
      ]).toContainEqual(outcome)
      expect((await staffGet(id)).statusCode).toBe(deleted.statusCode === 204 ? 404 : 200)
    }
  })
})

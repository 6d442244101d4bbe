import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { StaffPolicyListItem } from '@veterans/shared'
import { buildTestApp } from '../src/testing/index'
import { policyInput, publishPolicy, shanghaiDay, staffPair, type Staff } from './policies-fixtures'

let app: FastifyInstance
let staff: Staff

beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffPair(app)
})
afterAll(() => app.close())

const list = async (query: string) => {
  const response = await staff.approver.request({ method: 'GET', url: `/api/v1/staff/policies?${query}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: StaffPolicyListItem[]; total: number }>()
}

describe('staff lists: 已发布 and 已废止 apart', () => {
  it('lists under not_repealed every published policy still on the books, and the repealed ones only under repealed', async () => {
    const all = await list('workflow=published&limit=100')
    expect(all.items.some((i) => i.validity === 'repealed')).toBe(true)

    const onBooks = await list('workflow=published&validity=not_repealed&limit=100')
    const repealed = await list('workflow=published&validity=repealed&limit=100')
    expect(onBooks.items.map((i) => i.validity)).not.toContain('repealed')
    expect(onBooks.items.map((i) => i.validity)).toEqual(expect.arrayContaining(['in_force', 'expired', 'superseded']))
    expect(repealed.items.every((i) => i.validity === 'repealed')).toBe(true)
    expect(onBooks.total + repealed.total).toBe(all.total)
    expect(onBooks.items.every((i) => i.workflow === 'published')).toBe(true)
  })

  it('moves a policy from 已发布 to 已废止 when it is repealed; a not-yet-effective one stays in 已发布', async () => {
    const later = await publishPolicy(staff, policyInput({ title: '明年施行的办法', effectiveFrom: shanghaiDay(200) }))
    const toRepeal = await publishPolicy(staff, policyInput({ title: '将被废止的办法' }))
    const ids = async (validity: string) =>
      (await list(`workflow=published&validity=${validity}&limit=100&q=${encodeURIComponent('办法')}`)).items.map(
        (i) => i.id
      )
    expect(await ids('not_repealed')).toEqual(expect.arrayContaining([later, toRepeal]))
    const repeal = await staff.approver.request({
      method: 'POST',
      url: `/api/v1/staff/policies/${toRepeal}/repeal`,
      payload: {}
    })
    expect(repeal.statusCode).toBe(200)
    expect(await ids('not_repealed')).toContain(later)
    expect(await ids('not_repealed')).not.toContain(toRepeal)
    expect(await ids('repealed')).toContain(toRepeal)
  })

  it('keeps not_repealed for staff: the public search refuses it with the field named', async () => {
    const response = await app.inject('/api/v1/policies?validity=not_repealed')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details.fields.map((f: { path: string }) => f.path)).toContain('querystring.validity')
    const bad = await staff.approver.request({ method: 'GET', url: '/api/v1/staff/policies?validity=gone' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toContain('querystring.validity')
  })
})

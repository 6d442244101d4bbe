import { expect } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { PolicyInput } from '@veterans/shared'
import { signInStaff, type Session } from '../src/testing/index'

/** Today in Asia/Shanghai, and dates around it, so validity tests do not age. */
export function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

export function policyInput(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    title: '测试政策',
    docNumber: 'M测试发〔2026〕1号',
    issuer: 'M市退役军人事务局',
    level: 'city',
    category: 'other',
    summary: '测试用的政策摘要。',
    body: '## 第一条\n\n测试用的政策正文。',
    effectiveFrom: shanghaiDay(-30),
    ...overrides
  }
}

export interface Staff {
  author: Session
  approver: Session
}

export async function staffPair(app: FastifyInstance): Promise<Staff> {
  return { author: await signInStaff(app, 'donghu'), approver: await signInStaff(app, 'admin') }
}

export async function createDraft(author: Session, input: PolicyInput): Promise<string> {
  const created = await author.request({ method: 'POST', url: '/api/v1/staff/policies', payload: input })
  expect(created.statusCode, created.body).toBe(201)
  return created.json().id
}

/** Drafts, submits and approves a policy through the routes, as two different staff members. */
export async function publishPolicy(staff: Staff, input: PolicyInput): Promise<string> {
  const id = await createDraft(staff.author, input)
  const submitted = await staff.author.request({ method: 'POST', url: `/api/v1/staff/policies/${id}/submit` })
  expect(submitted.statusCode, submitted.body).toBe(200)
  const approved = await staff.approver.request({ method: 'POST', url: `/api/v1/staff/policies/${id}/approve` })
  expect(approved.statusCode, approved.body).toBe(200)
  return id
}

/** GET /policies as an anonymous reader. */
export async function search(app: FastifyInstance, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()
  return app.inject({ method: 'GET', url: `/api/v1/policies?${qs}` })
}

export async function searchTitles(app: FastifyInstance, query: Record<string, string | number>): Promise<string[]> {
  const response = await search(app, { limit: 100, ...query })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items.map((i: { title: string }) => i.title)
}

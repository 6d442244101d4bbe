import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { DEMO_VETERANS, signInWechat, type Session } from '../src/testing/index'

// Shared steps of the notices tests: drafting, sending and waiting for the fan-out, and the people it reaches.

export const DONGHU = '419902'
export const XIJIANG = '419903'
export const NANSHAN = '419904'

let keySerial = 0
export const newKey = () => `notice-key-${Date.now()}-${++keySerial}`

export interface NoticeInputLike {
  title?: string
  body?: string
  policyId?: string | null
  audience?: Record<string, unknown>
}

export function draftRequest(staff: Session, input: NoticeInputLike = {}) {
  return staff.request({
    method: 'POST',
    url: '/api/v1/staff/notices',
    payload: {
      title: '优待证换发通知',
      body: '请携带**身份证**到服务中心办理。',
      audience: { roles: ['veteran', 'family'] },
      ...input
    }
  })
}

export async function draft(staff: Session, input: NoticeInputLike = {}) {
  const response = await draftRequest(staff, input)
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string; status: string }>().id
}

export function send(staff: Session, id: string, key: string = newKey()) {
  return staff.request({
    method: 'POST',
    url: `/api/v1/staff/notices/${id}/send`,
    headers: { 'idempotency-key': key }
  })
}

export interface StaffNoticeSeen {
  id: string
  status: string
  cityWide: boolean
  audience: { roles: string[]; districts?: string[] }
  sentAt: string | null
  stats: { recipients: number; read: number; delivered: { inbox: number } }
}

export async function staffView(staff: Session, id: string) {
  const response = await staff.request({ method: 'GET', url: `/api/v1/staff/notices/${id}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<StaffNoticeSeen>()
}

/** The fan-out runs after the send is answered: wait until the notice is sent. */
export async function untilSent(staff: Session, id: string, ms = 5000) {
  const deadline = Date.now() + ms
  for (;;) {
    const seen = await staffView(staff, id)
    if (seen.status === 'sent') return seen
    if (Date.now() > deadline) throw new Error(`notice ${id} still ${seen.status}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Sends a district notice (or an approved city-wide one) and waits for the fan-out. */
export async function sendAndWait(staff: Session, id: string) {
  const response = await send(staff, id)
  expect(response.statusCode, response.body).toBe(200)
  return untilSent(staff, id)
}

/** Drafts, submits and has `approver` approve a city-wide notice. */
export async function approvedCityWide(author: Session, approver: Session, input: NoticeInputLike = {}) {
  const id = await draft(author, input)
  const submitted = await author.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/submit` })
  expect(submitted.statusCode, submitted.body).toBe(200)
  const approved = await approver.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` })
  expect(approved.statusCode, approved.body).toBe(200)
  return id
}

/** A WeChat account bound to one of the demo registry records. */
export async function boundVeteran(app: FastifyInstance, who: keyof typeof DEMO_VETERANS, wechatName: string) {
  const session = await signInWechat(app, wechatName)
  const bound = await session.request({ method: 'POST', url: '/api/v1/me/veteran', payload: DEMO_VETERANS[who] })
  expect(bound.statusCode, bound.body).toBe(200)
  return session
}

export async function noticeIdsSeen(session: Session) {
  const response = await session.request({ method: 'GET', url: '/api/v1/notices?limit=100' })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: { id: string; read: boolean }[] }>().items.map((n) => n.id)
}

export async function unreadNotices(session: Session) {
  const response = await session.request({ method: 'GET', url: '/api/v1/notices/unread-count' })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ count: number }>().count
}

export async function inboxNoticeIds(session: Session) {
  const response = await session.request({ method: 'GET', url: '/api/v1/me/inbox?limit=100' })
  expect(response.statusCode, response.body).toBe(200)
  return response
    .json<{ items: { kind: string; id: string }[] }>()
    .items.filter((e) => e.kind === 'notice')
    .map((e) => e.id)
}

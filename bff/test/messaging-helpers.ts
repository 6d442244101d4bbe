import { crc32, deflateSync } from 'node:zlib'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { Session } from '../src/testing/index'

// Shared steps of the messaging tests: asking, writing, answering, reading what each side sees.

let keySerial = 0
export const newKey = () => `msg-key-${Date.now()}-${++keySerial}`

export interface ThreadSeen {
  id: string
  subject: string
  status: string
  centerId: string
  centerName: string
  policyId: string | null
  policyTitle: string | null
  lastSeq: number
  unreadCount: number
  rating: number | null
  lastMessageAt: string
}

export interface MessageSeen {
  id: string
  seq: number
  authorRole: string
  authorName: string
  body: string
  attachments: unknown[]
}

export interface StaffEntrySeen extends Omit<MessageSeen, 'seq'> {
  seq: number | null
  position: number
  internal: boolean
}

export async function ask(session: Session, payload: Record<string, unknown> = {}) {
  const response = await session.request({
    method: 'POST',
    url: '/api/v1/threads',
    payload: { category: 'preferential', subject: '优待证怎么办理？', body: '请问需要什么材料？', ...payload }
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<ThreadSeen>()
}

export function write(
  session: Session,
  threadId: string,
  body: string,
  key: string = newKey(),
  extra: Record<string, unknown> = {}
) {
  return session.request({
    method: 'POST',
    url: `/api/v1/threads/${threadId}/messages`,
    payload: { body, ...extra },
    headers: { 'idempotency-key': key }
  })
}

export function answer(staff: Session, threadId: string, body: string, extra: Record<string, unknown> = {}) {
  return staff.request({
    method: 'POST',
    url: `/api/v1/staff/threads/${threadId}/messages`,
    payload: { body, ...extra }
  })
}

export async function messagesSeen(session: Session, threadId: string, query = '') {
  const response = await session.request({ method: 'GET', url: `/api/v1/threads/${threadId}/messages${query}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: MessageSeen[]; nextCursor: string | null }>()
}

export async function entriesSeen(staff: Session, threadId: string, query = '') {
  const response = await staff.request({ method: 'GET', url: `/api/v1/staff/threads/${threadId}/messages${query}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ items: StaffEntrySeen[]; nextCursor: string | null }>()
}

export async function threadSeen(session: Session, threadId: string) {
  const response = await session.request({ method: 'GET', url: `/api/v1/threads/${threadId}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<ThreadSeen>()
}

export async function staffThreadSeen(staff: Session, threadId: string) {
  const response = await staff.request({ method: 'GET', url: `/api/v1/staff/threads/${threadId}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<
    Record<string, unknown> & { status: string; slaDueAt: string | null; waitingSince: string | null }
  >()
}

export function setStatus(staff: Session, threadId: string, status: string) {
  return staff.request({ method: 'POST', url: `/api/v1/staff/threads/${threadId}/status`, payload: { status } })
}

export function errorOf(response: LightMyRequestResponse) {
  return response.json<{ error?: { code: string; message: string; details: Record<string, unknown> } }>().error
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])))
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc])
}
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
  pngChunk('IEND', Buffer.alloc(0))
])

/** Uploads a 1×1 PNG as the mini-program does (multipart): a photo to attach to a message. */
export async function uploadPhoto(session: Session) {
  const boundary = 'photo-boundary'
  const response = await session.request({
    method: 'POST',
    url: '/api/v1/uploads',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`)
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string; url: string }>()
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import WebSocket from 'ws'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { answer, ask, messagesSeen, staffThreadSeen, threadSeen, write } from './messaging-helpers'

// Messaging's live frames over real sockets: a frame reaches the thread's resident and the staff of its center
// (and city level), nobody else; an internal note reaches staff only.

type Frame = Record<string, unknown> & { type: string }

/** A signed-in socket that keeps the frames it receives. */
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
  return { ws, frames, messages: () => frames.filter((f) => f.type === 'message.created') }
}

async function until(done: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The thread of the `thread.updated` frame that followed the message.created frame of `body`. */
async function threadFramedAfter(socket: { frames: Frame[] }, body: string) {
  const framed = () => {
    const created = socket.frames.findIndex(
      (f) => f.type === 'message.created' && (f.message as { body: string }).body === body
    )
    return created === -1 ? undefined : socket.frames.slice(created).find((f) => f.type === 'thread.updated')
  }
  await until(() => framed() !== undefined)
  return framed()!.thread as Record<string, unknown>
}

/** Frames are sent after the commit; a short wait shows nothing more is coming. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150))

let app: FastifyInstance
let url: string
let laowang: Session
let xiaowang: Session
let donghu: Session
let xijiang: Session
let city: Session

beforeAll(async () => {
  app = await buildTestApp({ WS_HEARTBEAT_MS: '60000' })
  await app.listen({ port: 0, host: '127.0.0.1' })
  url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/ws`
  ;[laowang, xiaowang, donghu, xijiang, city] = await Promise.all([
    signInWechat(app, 'laowang'),
    signInWechat(app, 'xiaowang'),
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'city')
  ])
})
afterAll(() => app.close())

describe('live messaging frames', () => {
  it("reach the resident and the center's staff only; internal notes reach staff only", async () => {
    const thread = await ask(laowang, { subject: '实时测试' })
    const sockets = await Promise.all([laowang, xiaowang, donghu, xijiang, city].map((s) => connect(url, s)))
    const [resident, family, staff, otherCenter, cityStaff] = sockets

    const secret = '内部：请核对档案'
    expect((await answer(donghu, thread.id, secret, { internal: true })).statusCode).toBe(201)
    expect((await answer(donghu, thread.id, '您好，已收到')).statusCode).toBe(201)
    await until(
      () => staff!.messages().length === 2 && cityStaff!.messages().length === 2 && resident!.messages().length === 1
    )
    expect((await write(laowang, thread.id, '谢谢')).statusCode).toBe(201)
    await until(() => staff!.messages().length === 3 && resident!.messages().length === 2)
    await settle()

    expect(resident!.messages().map((f) => (f.message as { seq: number }).seq)).toEqual([2, 3])
    expect(JSON.stringify(resident!.frames)).not.toContain(secret)
    expect(
      resident!.frames.some((f) => f.type === 'thread.updated' && (f.thread as { id: string }).id === thread.id)
    ).toBe(true)
    expect(staff!.messages().map((f) => (f.message as { internal: boolean }).internal)).toEqual([true, false, false])
    expect(family!.frames.map((f) => f.type)).toEqual(['ready'])
    expect(otherCenter!.frames.map((f) => f.type)).toEqual(['ready'])

    // What arrived live is what catch-up by seq reads.
    expect((await messagesSeen(laowang, thread.id, '?afterSeq=1')).items.map((m) => m.id)).toEqual(
      resident!.messages().map((f) => (f.message as { id: string }).id)
    )
    for (const socket of sockets) socket.ws.terminate()
  })

  it("carries the thread as stored in the frames of a resident's message, a reopened thread too", async () => {
    const thread = await ask(laowang, { subject: '帧里的咨询' })
    const [resident, staff] = await Promise.all([laowang, donghu].map((s) => connect(url, s)))

    // Waiting for staff already: the wait goes on.
    expect((await write(laowang, thread.id, '补充一下')).statusCode).toBe(201)
    expect(await threadFramedAfter(resident!, '补充一下')).toEqual(await threadSeen(laowang, thread.id))
    // Staff read the thread with more around it (the asker's bookings …): every field of the frame is as stored.
    expect(await staffThreadSeen(donghu, thread.id)).toMatchObject(await threadFramedAfter(staff!, '补充一下'))

    // Resolved by staff: the resident's message opens it again and a new wait begins.
    expect((await answer(donghu, thread.id, '已为您办理', { resolve: true })).statusCode).toBe(201)
    expect((await write(laowang, thread.id, '还有一个问题')).statusCode).toBe(201)
    const reopened = await threadFramedAfter(resident!, '还有一个问题')
    expect(reopened).toMatchObject({ status: 'open', lastSeq: 4 })
    expect(reopened).toEqual(await threadSeen(laowang, thread.id))
    const staffView = await threadFramedAfter(staff!, '还有一个问题')
    expect(staffView).toMatchObject({ status: 'open', waitingSince: expect.any(String) })
    expect(await staffThreadSeen(donghu, thread.id)).toMatchObject(staffView)
    for (const socket of [resident, staff]) socket!.ws.terminate()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import WebSocket from 'ws'
import { signInStaff, signInWechat, type Session } from '../src/testing/index'
import { answer, ask } from './messaging-helpers'
import { startCluster, through, type Cluster } from './cluster-helpers'
import { connectRedis, until } from './redis-helpers'

// Two instances sharing one database file and one Redis: what happens through one reaches the sockets held by the
// other. The heartbeat is long, so every frame and close below travelled as a Redis event.

type Frame = Record<string, unknown> & { type: string }

/** A signed-in socket that keeps its frames and says how it was closed. */
async function connect(url: string, session: Session) {
  const ws = new WebSocket(url)
  const frames: Frame[] = []
  let closedWith: number | null = null
  ws.once('close', (code) => (closedWith = code))
  ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Frame))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.send(JSON.stringify({ type: 'auth', token: session.accessToken }))
  await until(() => frames.some((f) => f.type === 'ready'))
  return {
    ws,
    frames,
    closedWith: () => closedWith,
    bodies: () => frames.filter((f) => f.type === 'message.created').map(bodyOf)
  }
}
const bodyOf = (frame: Frame) => (frame.message as { body: string }).body

/** Frames are sent after the commit; a short wait shows nothing more is coming. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

let cluster: Cluster
let a: FastifyInstance
let b: FastifyInstance

beforeAll(async () => {
  ;(await connectRedis()).disconnect()
  cluster = await startCluster('realtime', 2, { WS_HEARTBEAT_MS: '600000' })
  ;[a, b] = cluster.instances as [FastifyInstance, FastifyInstance]
})
afterAll(() => cluster?.close())

describe('realtime across instances', () => {
  it("delivers a staff reply posted through one instance to the resident's socket on the other, nobody else", async () => {
    const laowang = await signInWechat(a, 'laowang')
    const [donghu, xijiang] = await Promise.all([signInStaff(b, 'donghu'), signInStaff(a, 'xijiang')])
    const thread = await ask(laowang, { subject: '跨实例的回复' })
    const [resident, otherCenter] = await Promise.all([
      connect(cluster.wsUrl(a), laowang),
      connect(cluster.wsUrl(a), xijiang)
    ])

    expect((await answer(donghu, thread.id, '您好，B 实例已收到')).statusCode).toBe(201)
    await until(() => resident.bodies().length === 1)
    await settle()
    expect(resident.bodies()).toEqual(['您好，B 实例已收到'])
    expect(otherCenter.frames.map((f) => f.type)).toEqual(['ready'])
    resident.ws.terminate()
    otherCenter.ws.terminate()
  })

  it('closes the socket on one instance when the login is signed out through the other, and refuses it at once', async () => {
    const laowang = await signInWechat(a, 'laowang')
    const socket = await connect(cluster.wsUrl(a), laowang)
    // A has the session in its cache now: the refusal below must come from seeing B's commit.
    expect((await laowang.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
    expect((await through(b, laowang).request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)

    const signedOut = Date.now()
    const logout = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: laowang.refreshToken }
    })
    expect(logout.statusCode).toBe(204)
    expect((await laowang.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    await until(() => socket.closedWith() !== null, 2000)
    expect(socket.closedWith()).toBe(4401)
    expect(Date.now() - signedOut).toBeLessThan(2000)
  })
})

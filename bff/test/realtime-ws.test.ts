import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import WebSocket from 'ws'
import { query } from '../src/db/query'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'

// Real sockets: the app listens on a free port and `ws` clients talk to it as the mini-program would.

interface Closed {
  code: number
  reason: string
}

/** A WebSocket client that keeps every frame it receives, and says when and how it was closed. */
class Client {
  readonly frames: Record<string, unknown>[] = []
  readonly closed: Promise<Closed>
  private readonly opened: Promise<void>
  private waiters: (() => void)[] = []

  constructor(
    readonly ws: WebSocket,
    private readonly timeoutMs = 3000
  ) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    )
    ws.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString()) as Record<string, unknown>)
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  async open() {
    await this.opened
    return this
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  /** The first received frame of this type (waits for it). */
  async frame(type: string): Promise<Record<string, unknown>> {
    const deadline = Date.now() + this.timeoutMs
    for (;;) {
      const found = this.frames.find((f) => f.type === type)
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(this.frames)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }

  types(): unknown[] {
    return this.frames.map((f) => f.type)
  }

  /** Resolves with the close, or fails when the socket is still open after `ms`. */
  async closedWithin(ms = 3000): Promise<Closed> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('still open')), ms)))
    try {
      return await Promise.race([this.closed, timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' })
  return `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/ws`
}

function clientsOf(url: string) {
  const clients: Client[] = []
  return {
    /** An open socket that has not authenticated. */
    async raw(options: WebSocket.ClientOptions = {}) {
      const client = new Client(new WebSocket(url, options))
      clients.push(client)
      return client.open()
    },
    /** A socket signed in as this session, after the server's ready frame. */
    async signedIn(session: Session, options: WebSocket.ClientOptions = {}) {
      const client = await this.raw(options)
      client.send({ type: 'auth', token: session.accessToken })
      await client.frame('ready')
      return client
    },
    closeAll() {
      for (const client of clients.splice(0)) client.ws.terminate()
    }
  }
}

describe('realtime WebSocket', () => {
  let app: FastifyInstance
  let url: string
  let clients: ReturnType<typeof clientsOf>

  beforeAll(async () => {
    // A short auth deadline keeps the test fast; the heartbeat is long, so closes below come from events.
    app = await buildTestApp({ WS_AUTH_TIMEOUT_MS: '300', WS_HEARTBEAT_MS: '60000' })
    url = await listen(app)
    clients = clientsOf(url)
  })
  afterEach(() => clients.closeAll())
  afterAll(async () => app.close())

  it('authenticates with the first frame, answers ready, and answers a ping frame', async () => {
    const client = await clients.signedIn(await signInWechat(app, 'laowang'))
    client.send({ type: 'ping' })
    await client.frame('pong')
    expect(client.types()).toEqual(['ready', 'pong'])
  })

  it('closes a socket that sends no auth frame before the deadline (4401)', async () => {
    const client = await clients.raw()
    expect(await client.closedWithin(2000)).toEqual({ code: 4401, reason: 'unauthenticated' })
    expect(client.frames).toEqual([])
  })

  it('closes a socket whose token is bad, or whose first frame is not auth (4401)', async () => {
    const bad = await clients.raw()
    bad.send({ type: 'auth', token: 'not-a-token' })
    expect((await bad.closedWithin()).code).toBe(4401)

    const other = await clients.raw()
    other.send({ type: 'ping' })
    expect((await other.closedWithin()).code).toBe(4401)
    expect(other.frames).toEqual([])
  })

  it('takes no token from the URL or a header: without the auth frame the socket is closed (4401)', async () => {
    const session = await signInWechat(app, 'laowang')
    const viaUrl = new Client(new WebSocket(`${url}?token=${session.accessToken}&access_token=${session.accessToken}`))
    const viaHeader = new Client(new WebSocket(url, { headers: { authorization: `Bearer ${session.accessToken}` } }))
    for (const client of [await viaUrl.open(), await viaHeader.open()]) {
      expect((await client.closedWithin(2000)).code).toBe(4401)
      expect(client.frames).toEqual([])
    }
  })

  it('forgets the sockets that clients close', async () => {
    const before = app.realtime.connectionCount()
    const client = await clients.signedIn(await signInWechat(app, 'laowang'))
    expect(app.realtime.connectionCount()).toBe(before + 1)
    client.ws.close()
    await client.closedWithin()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(app.realtime.connectionCount()).toBe(before)
  })

  it('ignores unknown and unreadable frames once signed in', async () => {
    const client = await clients.signedIn(await signInWechat(app, 'laowang'))
    client.send({ type: 'subscribe', everything: true })
    client.send('{not json')
    client.send({ type: 'ping' })
    await client.frame('pong')
    expect(client.types()).toEqual(['ready', 'pong'])
  })

  it('closes a socket that sends a frame larger than 4 KB (1009)', async () => {
    const client = await clients.signedIn(await signInWechat(app, 'laowang'))
    client.send({ type: 'ping', padding: 'x'.repeat(5000) })
    expect((await client.closedWithin()).code).toBe(1009)
  })

  it('delivers a frame to the people named, and to nobody else', async () => {
    const laowang = await signInWechat(app, 'laowang')
    const xiaowang = await signInWechat(app, 'xiaowang')
    const laowangOnPhone = await clients.signedIn(laowang)
    const laowangOnPc = await clients.signedIn(laowang)
    const other = await clients.signedIn(xiaowang)

    app.realtime.publish({ userIds: [laowang.user.id] }, { type: 'message.created', threadId: 't1' })
    // Frames reach each socket in the order published: once `other` has the second, it would have had the first.
    app.realtime.publish({ userIds: [xiaowang.user.id] }, { type: 'marker' })

    expect(await laowangOnPhone.frame('message.created')).toEqual({ type: 'message.created', threadId: 't1' })
    await laowangOnPc.frame('message.created')
    await other.frame('marker')
    expect(other.types()).toEqual(['ready', 'marker'])
    expect(laowangOnPhone.types()).toEqual(['ready', 'message.created'])
  })

  it('delivers a center’s frame to its staff, city-level staff and admins only', async () => {
    const donghu = await signInStaff(app, 'donghu')
    const xijiang = await signInStaff(app, 'xijiang')
    const laowang = await signInWechat(app, 'laowang')
    const reached = [
      await clients.signedIn(donghu),
      await clients.signedIn(await signInStaff(app, 'city')),
      await clients.signedIn(await signInStaff(app, 'admin'))
    ]
    const otherCenter = await clients.signedIn(xijiang)
    const resident = await clients.signedIn(laowang)

    app.realtime.publish({ staffOfCenterId: donghu.user.center!.id }, { type: 'thread.updated', thread: { id: 't1' } })
    app.realtime.publish({ userIds: [xijiang.user.id, laowang.user.id] }, { type: 'marker' })

    for (const client of reached) {
      expect(await client.frame('thread.updated')).toEqual({ type: 'thread.updated', thread: { id: 't1' } })
    }
    for (const client of [otherCenter, resident]) {
      await client.frame('marker')
      expect(client.types()).toEqual(['ready', 'marker'])
    }
  })

  it('closes the sockets of a login that signs out, and only those', async () => {
    const laowang = await signInWechat(app, 'laowang')
    const otherLogin = await signInWechat(app, 'laowang')
    const client = await clients.signedIn(laowang)
    const stays = await clients.signedIn(otherLogin)

    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refreshToken: laowang.refreshToken }
    })
    expect(logout.statusCode).toBe(204)
    expect(await client.closedWithin(1000)).toEqual({ code: 4401, reason: 'unauthenticated' })

    stays.send({ type: 'ping' })
    await stays.frame('pong')
  })

  it('closes the sockets of a login whose refresh token was presented twice', async () => {
    const laowang = await signInWechat(app, 'laowang')
    const client = await clients.signedIn(laowang)
    const refresh = () =>
      app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: laowang.refreshToken } })
    expect((await refresh()).statusCode).toBe(200)
    expect((await refresh()).json().error.code).toBe('REFRESH_TOKEN_REUSED')
    expect((await client.closedWithin(1000)).code).toBe(4401)
  })

  it('closes every socket of an account that is closed', async () => {
    const person = await signInWechat(app, 'closing-person')
    const phone = await clients.signedIn(person)
    const pc = await clients.signedIn(await signInWechat(app, 'closing-person'))
    expect((await person.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)
    expect((await phone.closedWithin(1000)).code).toBe(4401)
    expect((await pc.closedWithin(1000)).code).toBe(4401)
  })

  it('keeps at most 5 sockets per person: a sixth replaces the oldest (4408)', async () => {
    const laowang = await signInWechat(app, 'laowang')
    const first = await clients.signedIn(laowang)
    for (let i = 0; i < 4; i++) await clients.signedIn(laowang)
    expect(first.ws.readyState).toBe(WebSocket.OPEN)
    await clients.signedIn(laowang)
    expect(await first.closedWithin(1000)).toEqual({ code: 4408, reason: 'too many connections' })
  })
})

describe('realtime heartbeat', () => {
  let app: FastifyInstance
  let clients: ReturnType<typeof clientsOf>

  beforeAll(async () => {
    app = await buildTestApp({ WS_HEARTBEAT_MS: '100' })
    clients = clientsOf(await listen(app))
  })
  afterEach(() => clients.closeAll())
  afterAll(async () => app.close())

  it('terminates a socket that does not answer pings, and forgets it', async () => {
    const session = await signInWechat(app, 'laowang')
    const answers = await clients.signedIn(session)
    const silent = await clients.signedIn(session, { autoPong: false })
    expect(app.realtime.connectionCount()).toBe(2)

    // Terminated without a closing handshake: the client sees an abnormal close.
    expect((await silent.closedWithin(2000)).code).toBe(1006)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(answers.ws.readyState).toBe(WebSocket.OPEN)
    expect(app.realtime.connectionCount()).toBe(1)
  })

  it('closes a socket whose session ended without telling realtime, at the next heartbeat', async () => {
    const session = await signInWechat(app, 'laowang')
    const client = await clients.signedIn(session)
    // As if the revocation had happened on another instance whose event was lost.
    await query(app.db, "UPDATE sessions SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE revoked_at IS NULL").run()
    expect((await client.closedWithin(1000)).code).toBe(4401)
  })
})

describe('realtime shutdown', () => {
  it('says goodbye to open sockets (1001) when the app closes, without waiting for them', async () => {
    const app = await buildTestApp({ SEED: 'demo' })
    const clients = clientsOf(await listen(app))
    const signedIn = await clients.signedIn(await signInWechat(app, 'laowang'))
    const pending = await clients.raw()
    const started = Date.now()
    await app.close()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await signedIn.closedWithin(1000)).toEqual({ code: 1001, reason: 'server shutting down' })
    expect((await pending.closedWithin(1000)).code).toBe(1001)
  })
})

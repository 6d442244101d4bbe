import { describe, expect, it } from 'vitest'
import { backoffDelay, RealtimeClient, socketUrl, type SocketLike, type Timers } from '../src/api/realtime-client'

/** A socket the test drives: it records what the client sent and lets the test open, answer and close it. */
class FakeSocket implements SocketLike {
  sent: unknown[] = []
  closedByClient: number | null = null
  private listeners: { open?: () => void; message?: (text: string) => void; close?: (code: number) => void } = {}
  send(text: string) {
    this.sent.push(JSON.parse(text))
  }
  close(code?: number) {
    this.closedByClient = code ?? 1000
  }
  onOpen(listener: () => void) {
    this.listeners.open = listener
  }
  onMessage(listener: (text: string) => void) {
    this.listeners.message = listener
  }
  onClose(listener: (code: number) => void) {
    this.listeners.close = listener
  }
  onError() {}
  open() {
    this.listeners.open?.()
  }
  receive(frame: unknown) {
    this.listeners.message?.(JSON.stringify(frame))
  }
  drop(code = 1006) {
    this.listeners.close?.(code)
  }
}

/** Timers the test moves by hand. */
function manualTimers() {
  let now = 0
  let next = 1
  const pending = new Map<number, { at: number; run: () => void }>()
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const id = next++
      pending.set(id, { at: now + ms, run })
      return id
    },
    clearTimeout: (id) => void pending.delete(id as number)
  }
  return {
    timers,
    /** Moves time on, running what falls due (in order). */
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        pending.delete(due[0])
        now = due[1].at
        due[1].run()
      }
      now = until
    },
    delays: () => [...pending.values()].map((t) => t.at - now)
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(
  options: { token?: () => string | null; connect?: () => Promise<SocketLike>; renew?: () => Promise<boolean> } = {}
) {
  const clock = manualTimers()
  const sockets: FakeSocket[] = []
  let token = 'access-1'
  const client = new RealtimeClient({
    url: 'ws://127.0.0.1/api/v1/ws',
    connect:
      options.connect ??
      (async () => {
        const socket = new FakeSocket()
        sockets.push(socket)
        return socket
      }),
    accessToken: options.token ?? (() => token),
    renewSession:
      options.renew ??
      (async () => {
        token = 'access-2'
        return true
      }),
    timers: clock.timers,
    random: () => 0.5,
    heartbeatMs: 25_000,
    pongTimeoutMs: 10_000
  })
  const statuses: string[] = []
  client.onStatus((s) => statuses.push(s))
  return { client, clock, sockets, statuses }
}

describe('backoff', () => {
  it('doubles from one second up to thirty, with jitter between half and the whole', () => {
    expect(backoffDelay(0, () => 0)).toBe(500)
    expect(backoffDelay(0, () => 1)).toBe(1000)
    expect(backoffDelay(3, () => 1)).toBe(8000)
    expect(backoffDelay(10, () => 1)).toBe(30_000)
    expect(backoffDelay(10, () => 0)).toBe(15_000)
    const spread = new Set(Array.from({ length: 50 }, (_, i) => backoffDelay(4, () => i / 50)))
    expect(spread.size).toBeGreaterThan(40) // phones that lost the server together do not come back together
  })
})

describe('socket address', () => {
  it('is the API base with ws(s) on WeChat, and the page host in the browser', () => {
    expect(socketUrl('https://api.example.cn/api/v1')).toBe('wss://api.example.cn/api/v1/ws')
    expect(socketUrl('http://127.0.0.1:3000/api/v1/')).toBe('ws://127.0.0.1:3000/api/v1/ws')
    expect(socketUrl('/api/v1', { protocol: 'https:', host: 'veterans.m.gov.cn' })).toBe(
      'wss://veterans.m.gov.cn/api/v1/ws'
    )
  })
})

describe('the realtime client', () => {
  it('opens one socket for all subscribers, authenticates in the first frame, and delivers frames by type', async () => {
    const { client, sockets, statuses } = setup()
    const created: unknown[] = []
    const updated: unknown[] = []
    const off1 = client.subscribe('message.created', (f) => created.push(f))
    const off2 = client.subscribe('thread.updated', (f) => updated.push(f))
    await flush()
    expect(sockets).toHaveLength(1)
    sockets[0]!.open()
    expect(sockets[0]!.sent).toEqual([{ type: 'auth', token: 'access-1' }])
    sockets[0]!.receive({ type: 'ready' })
    expect(client.status).toBe('live')
    sockets[0]!.receive({ type: 'message.created', threadId: 't1', message: { seq: 1 } })
    sockets[0]!.receive({ type: 'booking.updated' })
    expect(created).toHaveLength(1)
    expect(updated).toHaveLength(0)
    off1()
    expect(sockets[0]!.closedByClient).toBeNull() // one subscriber is left
    off2()
    expect(sockets[0]!.closedByClient).toBe(1000)
    expect(statuses).toEqual(['connecting', 'live', 'off'])
  })

  it('reconnects with growing delays, asks subscribers to catch up each time it is live again', async () => {
    const { client, clock, sockets } = setup()
    let catchUps = 0
    client.onCatchUp(() => catchUps++)
    client.subscribe('message.created', () => {})
    await flush()
    sockets[0]!.open()
    sockets[0]!.receive({ type: 'ready' })
    expect(catchUps).toBe(1)

    sockets[0]!.drop()
    expect(client.status).toBe('down')
    expect(clock.delays()).toEqual([750]) // attempt 0: 1 s with jitter 0.5
    clock.advance(750)
    await flush()
    sockets[1]!.drop() // the server is still away
    expect(clock.delays()).toEqual([1500])
    clock.advance(1500)
    await flush()
    expect(sockets).toHaveLength(3)
    sockets[2]!.open()
    sockets[2]!.receive({ type: 'ready' })
    expect(catchUps).toBe(2)
    // Live again: the next drop starts from the short delay.
    sockets[2]!.drop()
    expect(clock.delays()).toEqual([750])
  })

  it('never keeps two sockets: waking while connecting or live opens no second one', async () => {
    const { client, sockets } = setup()
    client.subscribe('message.created', () => {})
    client.wake()
    await flush()
    expect(sockets).toHaveLength(1)
    sockets[0]!.open()
    sockets[0]!.receive({ type: 'ready' })
    client.wake()
    await flush()
    expect(sockets).toHaveLength(1)
  })

  it('on waking while down, reconnects at once instead of waiting out the backoff', async () => {
    const { client, clock, sockets } = setup()
    client.subscribe('message.created', () => {})
    await flush()
    sockets[0]!.drop()
    clock.advance(100)
    client.wake() // the network came back
    await flush()
    expect(sockets).toHaveLength(2)
    expect(clock.delays()).toEqual([])
  })

  it('on waking while live, pings and asks subscribers to catch up (frames may have been missed in the background)', async () => {
    const { client, sockets } = setup()
    let catchUps = 0
    client.onCatchUp(() => catchUps++)
    client.subscribe('message.created', () => {})
    await flush()
    sockets[0]!.open()
    sockets[0]!.receive({ type: 'ready' })
    client.wake()
    expect(catchUps).toBe(2)
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'ping' })
  })

  it('pings on the heartbeat, and gives up a socket that stays silent', async () => {
    const { client, clock, sockets } = setup()
    client.subscribe('message.created', () => {})
    await flush()
    sockets[0]!.open()
    sockets[0]!.receive({ type: 'ready' })
    clock.advance(25_000)
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'ping' })
    sockets[0]!.receive({ type: 'pong' })
    clock.advance(25_000)
    expect(sockets[0]!.closedByClient).toBeNull()
    clock.advance(10_000) // no pong this time
    expect(sockets[0]!.closedByClient).toBe(1000)
    expect(client.status).toBe('down')
    clock.advance(1_000)
    await flush()
    expect(sockets).toHaveLength(2)
  })

  it('renews the session when the server refuses the token, then authenticates with the new one', async () => {
    const { client, sockets } = setup()
    client.subscribe('message.created', () => {})
    await flush()
    sockets[0]!.open()
    sockets[0]!.drop(4401)
    await flush()
    await flush()
    expect(sockets).toHaveLength(2)
    sockets[1]!.open()
    expect(sockets[1]!.sent).toEqual([{ type: 'auth', token: 'access-2' }])
  })

  it('stays off with nobody signed in, and falls back to polling (down) when sockets cannot be opened', async () => {
    const signedOut = setup({ token: () => null })
    signedOut.client.subscribe('message.created', () => {})
    await flush()
    expect(signedOut.client.status).toBe('off')

    const broken = setup({ connect: () => Promise.reject(new Error('connectSocket:fail')) })
    broken.client.subscribe('message.created', () => {})
    await flush()
    expect(broken.client.status).toBe('down')
    expect(broken.clock.delays()).toHaveLength(1)
  })

  it('ignores what an abandoned socket says after a new one took over', async () => {
    const { client, clock, sockets } = setup()
    const frames: unknown[] = []
    client.subscribe('message.created', (f) => frames.push(f))
    await flush()
    sockets[0]!.drop()
    clock.advance(750)
    await flush()
    sockets[0]!.receive({ type: 'message.created' })
    sockets[0]!.drop()
    expect(frames).toEqual([])
    expect(sockets).toHaveLength(2)
    expect(clock.delays()).toEqual([])
  })
})

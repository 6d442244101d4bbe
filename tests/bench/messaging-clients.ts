// The client side of the messaging benchmark: residents' WebSockets that check every frame they receive, and a
// small keep-alive HTTP client for paced posting (autocannon drives the unpaced throughput part).
import http from 'node:http'
import WebSocket from 'ws'

export interface HttpAnswer {
  status: number
  body: string
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** POSTs JSON with a bearer token and an Idempotency-Key; answers the status and the body. */
export function postJson(port: number, path: string, token: string, key: string, body: unknown): Promise<HttpAnswer> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token}`,
          'idempotency-key': key
        }
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
        )
        response.on('error', reject)
      }
    )
    request.on('error', reject)
    request.end(payload)
  })
}

export function closeHttpClients() {
  agent.destroy()
}

/** A message body awaited on one thread's socket: when it was sent, and which thread it belongs to. */
export interface AwaitedFrame {
  threadId: string
  sentAt: number
  /** A staff reply (its delay is the figure); otherwise the echo of the resident's own post. */
  reply: boolean
  /** Sent in the measured window (not the warm-up): its delay counts. */
  measured: boolean
}

/**
 * What every resident socket reports to: the bodies still awaited, the reply delays measured and the frames that
 * reached someone they were not for.
 */
export class FrameLedger {
  readonly awaited = new Map<string, AwaitedFrame>()
  readonly replyDelays: number[] = []
  misdelivered = 0
  /** Frames of messaging received by residents (message.created and thread.updated). */
  received = 0
  /** Every message.created frame whose body was not (or no longer) awaited: duplicates, or an unknown body. */
  unexpected = 0

  expect(body: string, awaited: AwaitedFrame) {
    this.awaited.set(body, awaited)
  }

  /** The post was refused: its frame will not come. */
  forget(body: string) {
    this.awaited.delete(body)
  }

  outstanding(kind: 'reply' | 'echo') {
    let n = 0
    for (const a of this.awaited.values()) if (a.reply === (kind === 'reply')) n++
    return n
  }

  frame(
    ownThreadId: string,
    frame: { type?: string; threadId?: string; thread?: { id?: string }; message?: { body?: string } }
  ) {
    if (frame.type === 'thread.updated') {
      this.received++
      if (frame.thread?.id !== ownThreadId) this.misdelivered++
      return
    }
    if (frame.type !== 'message.created') return
    this.received++
    const now = performance.now()
    const body = frame.message?.body ?? ''
    const awaited = this.awaited.get(body)
    if (frame.threadId !== ownThreadId || (awaited && awaited.threadId !== ownThreadId)) {
      this.misdelivered++
      return
    }
    if (!awaited) {
      this.unexpected++
      return
    }
    this.awaited.delete(body)
    if (awaited.reply && awaited.measured) this.replyDelays.push(now - awaited.sentAt)
  }
}

/** A signed-in WebSocket of one resident, checking each frame against its own thread. */
export interface ResidentSocket {
  socket: WebSocket
  threadId: string
  /** When the server's heartbeat pinged this socket (performance.now()). */
  pings: number[]
}

/** Opens a socket, sends the auth frame and waits for `ready`; rejects after `timeoutMs`. */
export function connectResident(
  port: number,
  token: string,
  threadId: string,
  ledger: FrameLedger,
  timeoutMs: number
): Promise<ResidentSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws`)
    const resident: ResidentSocket = { socket, threadId, pings: [] }
    let ready = false
    const timer = setTimeout(() => {
      socket.terminate()
      reject(new Error(`socket of thread ${threadId} not ready within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })))
    socket.on('ping', () => resident.pings.push(performance.now()))
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as { type?: string }
      if (!ready) {
        if (frame.type !== 'ready') return
        ready = true
        clearTimeout(timer)
        resolve(resident)
        return
      }
      ledger.frame(threadId, frame)
    })
    socket.on('close', (code) => {
      if (ready) return
      clearTimeout(timer)
      reject(new Error(`socket of thread ${threadId} closed before ready (${code})`))
    })
    socket.on('error', () => {}) // 'close' follows and says what happened
  })
}

/** A staff member's socket that only counts what it receives (the inbox open while residents write). */
export function connectCounter(port: number, token: string, timeoutMs: number) {
  return new Promise<{ socket: WebSocket; frames: () => number }>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws`)
    let ready = false
    let frames = 0
    const timer = setTimeout(() => reject(new Error('staff socket not ready')), timeoutMs)
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })))
    socket.on('message', (data: Buffer) => {
      if (ready) return void frames++
      if ((JSON.parse(data.toString('utf8')) as { type?: string }).type !== 'ready') return
      ready = true
      clearTimeout(timer)
      resolve({ socket, frames: () => frames })
    })
    socket.on('error', () => {})
  })
}

/** Closes sockets and waits (at most `timeoutMs`) for them to be closed. */
export async function closeSockets(sockets: WebSocket[], timeoutMs = 3000) {
  await Promise.race([
    Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === WebSocket.CLOSED) return resolve()
            socket.once('close', () => resolve())
            socket.close(1000, 'bench done')
          })
      )
    ),
    new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())
  ])
  for (const socket of sockets) if (socket.readyState !== WebSocket.CLOSED) socket.terminate()
}

/** The q-quantile (0–1) of numbers, nearest rank. */
export function quantile(values: number[], q: number) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

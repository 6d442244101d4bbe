// The WebSocket client's logic, free of Taro so it can be unit-tested with a fake socket and fake timers.
// realtime.ts wires it to Taro.connectSocket, the API client's session and the app's lifecycle.

/** A server frame: `type` and what the capability puts with it (message.created, thread.updated …). */
export interface RealtimeFrame {
  type: string
  [key: string]: unknown
}

/**
 * - `off`: nobody listens, or nobody is signed in;
 * - `connecting`: opening the socket or waiting for `ready`;
 * - `live`: frames arrive as they happen;
 * - `down`: the socket cannot connect now and will try again later; screens poll meanwhile.
 */
export type RealtimeStatus = 'off' | 'connecting' | 'live' | 'down'

/** The little of a socket the client needs (Taro's SocketTask on WeChat and in the browser; a fake in tests). */
export interface SocketLike {
  send(text: string): void
  close(code?: number, reason?: string): void
  onOpen(listener: () => void): void
  onMessage(listener: (text: string) => void): void
  onClose(listener: (code: number) => void): void
  onError(listener: () => void): void
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface RealtimeClientOptions {
  url: string
  /** Opens a socket; rejects when it cannot even start. */
  connect(url: string): Promise<SocketLike>
  /** The current access token, or null when nobody is signed in. */
  accessToken(): string | null
  /**
   * The server refused the token (close 4401): get a fresh one (the API client refreshes on a 401). Resolves
   * true when there is a session to try again with.
   */
  renewSession(): Promise<boolean>
  timers?: Timers
  random?: () => number
  heartbeatMs?: number
  /** No frame at all for this long after a ping: the connection is dead even if the socket has not noticed. */
  pongTimeoutMs?: number
  backoff?: BackoffOptions
}

export interface BackoffOptions {
  baseMs: number
  maxMs: number
}

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 }
/** The server's close codes (bff/src/realtime/frames.ts). */
const CLOSE_UNAUTHENTICATED = 4401
const CLOSE_REPLACED = 4408
/** The client closes with this when it gives up on a socket itself (dead, stopped). */
const CLOSE_NORMAL = 1000

/**
 * How long to wait before the attempt-th reconnection (0-based): doubling from `baseMs` up to `maxMs`, with jitter
 * (between half and the whole of it), so a thousand phones that lost the server at once do not all return at once.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = DEFAULT_BACKOFF
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

/**
 * Where the socket is: `/api/v1/ws` on the page's own host in the browser; on WeChat the API base
 * (TARO_APP_API_BASE) with http(s) turned into ws(s).
 */
export function socketUrl(apiBase: string, pageLocation?: { protocol: string; host: string }): string {
  const base = apiBase.replace(/\/+$/, '')
  if (/^https?:\/\//.test(base)) return `${base.replace(/^http/, 'ws')}/ws`
  const location = pageLocation ?? { protocol: 'http:', host: '127.0.0.1' }
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${base}/ws`
}

export function parseFrame(text: string): RealtimeFrame | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    return typeof (value as { type?: unknown }).type === 'string' ? (value as RealtimeFrame) : null
  } catch {
    return null
  }
}

const defaultTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/**
 * One WebSocket for the whole app (WeChat allows five per mini-program, the server five per person). It opens when
 * the first subscriber arrives and closes when the last one leaves; authenticates with its first frame; pings
 * every `heartbeatMs` and treats silence as a dead connection; reconnects with backoff and jitter. Every time the
 * connection becomes live again (and when the app asks, e.g. on returning from the background) the catch-up
 * listeners run, so screens fetch what they missed by sequence number: frames are a fast path, never the only one.
 */
export class RealtimeClient {
  private readonly options: RealtimeClientOptions
  private readonly timers: Timers
  private readonly random: () => number
  private readonly heartbeatMs: number
  private readonly pongTimeoutMs: number
  private readonly handlers = new Map<string, Set<(frame: RealtimeFrame) => void>>()
  private readonly catchUpListeners = new Set<() => void>()
  private readonly statusListeners = new Set<(status: RealtimeStatus) => void>()
  private socket: SocketLike | null = null
  /** Bumped for every socket, so events of an abandoned one are ignored. */
  private generation = 0
  private attempts = 0
  private renewals = 0
  private retryTimer: unknown = null
  private heartbeatTimer: unknown = null
  private pongTimer: unknown = null
  private current: RealtimeStatus = 'off'

  constructor(options: RealtimeClientOptions) {
    this.options = options
    this.timers = options.timers ?? defaultTimers
    this.random = options.random ?? Math.random
    this.heartbeatMs = options.heartbeatMs ?? 25_000
    this.pongTimeoutMs = options.pongTimeoutMs ?? 10_000
  }

  get status(): RealtimeStatus {
    return this.current
  }

  /** Frames of one type (`message.created`, `thread.updated` …). Returns the unsubscribe function. */
  subscribe(type: string, handler: (frame: RealtimeFrame) => void): () => void {
    const set = this.handlers.get(type) ?? new Set()
    set.add(handler)
    this.handlers.set(type, set)
    this.ensureConnected()
    return () => {
      set.delete(handler)
      if (set.size === 0) this.handlers.delete(type)
      if (this.handlers.size === 0) this.stop()
    }
  }

  /** Called whenever the subscriber may have missed frames: fetch what is newer than what you hold. */
  onCatchUp(listener: () => void): () => void {
    this.catchUpListeners.add(listener)
    return () => this.catchUpListeners.delete(listener)
  }

  onStatus(listener: (status: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /**
   * Something may have happened while we were not listening (the network came back, the app returned from the
   * background, someone signed in): reconnect now instead of waiting for the backoff, and let subscribers catch up.
   */
  wake(): void {
    if (this.handlers.size === 0) return
    if (this.current === 'live') {
      this.ping() // the socket may have died quietly while the phone slept
      this.emitCatchUp()
      return
    }
    this.attempts = 0
    this.clearRetry()
    if (this.current !== 'connecting') void this.open()
  }

  /** Closes the socket (sign-out, or nobody listens any more). Subscribers stay; `wake` or a new subscriber reopens. */
  stop(): void {
    this.clearRetry()
    this.dropSocket()
    this.attempts = 0
    this.setStatus('off')
  }

  private ensureConnected() {
    if (this.current === 'off' && this.handlers.size > 0) void this.open()
  }

  private async open(): Promise<void> {
    if (!this.options.accessToken()) {
      this.setStatus('off')
      return
    }
    this.dropSocket()
    const generation = ++this.generation
    this.setStatus('connecting')
    let socket: SocketLike
    try {
      socket = await this.options.connect(this.options.url)
    } catch {
      if (generation === this.generation) this.retryLater()
      return
    }
    if (generation !== this.generation) {
      socket.close(CLOSE_NORMAL)
      return
    }
    this.socket = socket
    const mine = () => generation === this.generation
    socket.onOpen(() => {
      if (!mine()) return
      const token = this.options.accessToken()
      if (!token) return this.stop()
      socket.send(JSON.stringify({ type: 'auth', token }))
    })
    socket.onMessage((text) => {
      if (mine()) this.received(text)
    })
    socket.onError(() => {
      // A close event follows; that is where we decide what to do.
    })
    socket.onClose((code) => {
      if (mine()) this.closed(code)
    })
  }

  private received(text: string) {
    this.clearPongTimer() // any frame proves the connection is alive
    const frame = parseFrame(text)
    if (!frame) return
    if (frame.type === 'ready') {
      this.attempts = 0
      this.renewals = 0
      this.setStatus('live')
      this.scheduleHeartbeat()
      this.emitCatchUp()
      return
    }
    if (frame.type === 'pong') return
    for (const handler of [...(this.handlers.get(frame.type) ?? [])]) handler(frame)
  }

  private closed(code: number) {
    this.socket = null
    this.generation++
    this.clearHeartbeat()
    if (this.handlers.size === 0) return this.setStatus('off')
    if (code === CLOSE_UNAUTHENTICATED && this.renewals < 2) {
      // Most often an access token that expired: renew it once or twice, then fall back to the usual backoff.
      this.renewals++
      this.setStatus('connecting')
      this.options.renewSession().then(
        (ok) => (ok ? void this.open() : this.stop()),
        () => this.retryLater()
      )
      return
    }
    // Replaced by a newer socket of the same person (another tab): wait long before competing again.
    if (code === CLOSE_REPLACED) this.attempts = Math.max(this.attempts, 4)
    this.retryLater()
  }

  private retryLater() {
    this.setStatus('down')
    this.clearRetry()
    const delay = backoffDelay(this.attempts++, this.random, this.options.backoff)
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null
      void this.open()
    }, delay)
  }

  private scheduleHeartbeat() {
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer)
    this.heartbeatTimer = this.timers.setTimeout(() => {
      this.heartbeatTimer = null
      this.ping()
      this.scheduleHeartbeat()
    }, this.heartbeatMs)
  }

  private ping() {
    if (!this.socket || this.pongTimer !== null) return
    try {
      this.socket.send(JSON.stringify({ type: 'ping' }))
    } catch {
      this.dropSocket()
      return this.closed(CLOSE_NORMAL)
    }
    this.pongTimer = this.timers.setTimeout(() => {
      this.pongTimer = null
      // Silent for too long: give this socket up and start over.
      this.dropSocket()
      this.closed(CLOSE_NORMAL)
    }, this.pongTimeoutMs)
  }

  private dropSocket() {
    this.clearHeartbeat()
    const socket = this.socket
    this.socket = null
    this.generation++
    if (socket) {
      try {
        socket.close(CLOSE_NORMAL)
      } catch {
        // Already closed.
      }
    }
  }

  private clearHeartbeat() {
    if (this.heartbeatTimer !== null) this.timers.clearTimeout(this.heartbeatTimer)
    this.heartbeatTimer = null
    this.clearPongTimer()
  }

  private clearPongTimer() {
    if (this.pongTimer !== null) this.timers.clearTimeout(this.pongTimer)
    this.pongTimer = null
  }

  private clearRetry() {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private setStatus(status: RealtimeStatus) {
    if (status === this.current) return
    this.current = status
    for (const listener of [...this.statusListeners]) listener(status)
  }

  private emitCatchUp() {
    for (const listener of [...this.catchUpListeners]) listener()
  }
}

import type { Me, TokenPair } from '@veterans/shared'
import { ApiError, errorFromResponse, networkError } from './errors'
import { NetworkError, type HttpMethod, type HttpResponse, type Transport } from './transport'

/** What is kept between launches: the token pair and the last known profile (so elder mode applies at once). */
export interface StoredSession {
  accessToken: string
  refreshToken: string
  user: Me
}

export interface SessionStore {
  load(): StoredSession | null
  save(session: StoredSession | null): void
}

/** Why a session ended: the person signed out, the login expired, a reused refresh token revoked it, or the account was closed. */
export type SignOutReason = 'user' | 'expired' | 'reused' | 'closed'

export type SessionEvent =
  { type: 'signedIn' | 'refreshed' | 'updated'; session: StoredSession } | { type: 'signedOut'; reason: SignOutReason }

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Send the access token (default true). Sign-in routes pass false. */
  auth?: boolean
  /**
   * Sent as `Idempotency-Key`. The same key goes with every retry of this call, so the server does the work once;
   * callers that retry a whole action themselves (a second tap on 提交) pass the same key again.
   */
  idempotencyKey?: string
}

export interface ApiClientOptions {
  /** `/api/v1` on H5, an absolute URL on WeChat. */
  baseUrl: string
  transport: Transport
  store: SessionStore
  timeoutMs?: number
  /** Pauses before retrying a request that got no answer; only GETs and calls with an idempotency key are retried. */
  retryDelaysMs?: number[]
  sleep?: (ms: number) => Promise<void>
}

const TRANSIENT_STATUSES = new Set([502, 503, 504])

/**
 * The one API client of the app. It keeps the session, attaches the access token, refreshes it once when the server
 * says 401 (concurrent calls share a single refresh, because the server revokes the whole login when a refresh
 * token is presented twice), retries safe calls on weak networks, and turns every failure into an ApiError with a
 * Chinese message.
 */
export class ApiClient {
  private readonly baseUrl: string
  private readonly transport: Transport
  private readonly store: SessionStore
  private readonly timeoutMs: number
  private readonly retryDelaysMs: number[]
  private readonly sleep: (ms: number) => Promise<void>
  private current: StoredSession | null
  private refreshing: Promise<void> | null = null
  private readonly listeners = new Set<(event: SessionEvent) => void>()

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.transport = options.transport
    this.store = options.store
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.retryDelaysMs = options.retryDelaysMs ?? [800, 2_000]
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.current = options.store.load()
  }

  get session(): StoredSession | null {
    return this.current
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Starts a session from a sign-in answer. */
  startSession(pair: TokenPair): StoredSession {
    return this.saveSession(
      { accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user },
      'signedIn'
    )
  }

  /** Keeps the stored profile in step after PATCH /me and similar calls. */
  updateUser(user: Me): void {
    if (this.current) this.saveSession({ ...this.current, user }, 'updated')
  }

  /** Ends the session here; `signOut` also tells the server. */
  endSession(reason: SignOutReason): void {
    if (!this.current) return
    this.current = null
    this.store.save(null)
    this.emit({ type: 'signedOut', reason })
  }

  async signOut(): Promise<void> {
    const session = this.current
    if (!session) return
    this.endSession('user')
    try {
      await this.send('POST', '/auth/logout', { body: { refreshToken: session.refreshToken }, auth: false })
    } catch {
      // The server forgets the login on its own when the refresh token expires; nothing to tell the person.
    }
  }

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options)
  }
  post<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, options)
  }
  patch<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, options)
  }
  put<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, options)
  }
  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('DELETE', path, options)
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? true
    let refreshed = false
    for (;;) {
      const token = auth ? this.current?.accessToken : undefined
      const response = await this.send(method, path, options, token)
      if (response.status === 401 && token && !refreshed) {
        refreshed = true
        // Another call may have refreshed while this one was in flight: then just retry with the new token.
        if (this.current?.accessToken === token) await this.refresh()
        if (this.current) continue
      }
      if (response.status >= 200 && response.status < 300) {
        return (response.status === 204 ? undefined : response.body) as T
      }
      const error = errorFromResponse(response.status, response.body)
      // Still refused with a fresh token: the account was closed or the login revoked elsewhere.
      if (error.status === 401 && token && refreshed) this.endSession('expired')
      throw error
    }
  }

  /** One HTTP exchange, with retries for calls that are safe to repeat. Throws ApiError when no answer came. */
  private async send(method: HttpMethod, path: string, options: RequestOptions, token?: string): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
    // Every non-GET carries a JSON body ({} when there is nothing to say): WeChat always sends a JSON content type,
    // and the server refuses a JSON content type with an empty body.
    const body = method === 'GET' ? undefined : (options.body ?? {})
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const url = this.baseUrl + path + queryString(options.query)
    const repeatable = method === 'GET' || Boolean(options.idempotencyKey)

    for (let attempt = 0; ; attempt++) {
      const canRetry = repeatable && attempt < this.retryDelaysMs.length
      try {
        const response = await this.transport({ method, url, headers, body, timeoutMs: this.timeoutMs })
        if (canRetry && TRANSIENT_STATUSES.has(response.status)) {
          await this.sleep(this.retryDelaysMs[attempt]!)
          continue
        }
        return response
      } catch (error) {
        const kind = error instanceof NetworkError ? error.kind : 'offline'
        if (!canRetry) throw networkError(kind)
        await this.sleep(this.retryDelaysMs[attempt]!)
      }
    }
  }

  private refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.rotateTokens().finally(() => {
        this.refreshing = null
      })
    }
    return this.refreshing
  }

  private async rotateTokens(): Promise<void> {
    const session = this.current
    if (!session) return
    const response = await this.send('POST', '/auth/refresh', {
      body: { refreshToken: session.refreshToken },
      auth: false
    })
    // Signed out or in as someone else meanwhile: this answer belongs to a session that no longer exists.
    if (this.current?.refreshToken !== session.refreshToken) return
    if (response.status === 200) {
      const pair = response.body as TokenPair
      this.saveSession({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user }, 'refreshed')
      return
    }
    const error = errorFromResponse(response.status, response.body)
    if (error.code === 'REFRESH_TOKEN_REUSED') this.endSession('reused')
    else if (error.status === 401) this.endSession('expired')
    throw error
  }

  private saveSession(session: StoredSession, type: 'signedIn' | 'refreshed' | 'updated'): StoredSession {
    this.current = session
    this.store.save(session)
    this.emit({ type, session })
    return session
  }

  private emit(event: SessionEvent) {
    for (const listener of this.listeners) listener(event)
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

/** A fresh key for one user action (e.g. one booking); keep it while the person retries that same action. */
export function newIdempotencyKey(): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(36)
  return `${Date.now().toString(36)}-${random()}${random()}${random()}`
}

export { ApiError }

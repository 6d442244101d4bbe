import type { Me } from '@veterans/shared'
import type { SessionStore, StoredSession } from '../src/api/client'
import { NetworkError, type HttpRequest, type HttpResponse, type Transport } from '../src/api/transport'

export const user: Me = { id: 'u1', role: 'resident', displayName: '张敏', elderMode: false, familyOf: [] }

export function memoryStore(initial: StoredSession | null = null): SessionStore & { value: StoredSession | null } {
  return {
    value: initial,
    load() {
      return this.value
    },
    save(session) {
      this.value = session
    }
  }
}

type Handler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse> | 'network-down'

/**
 * A scripted stand-in for the BFF: each test says how routes answer; every request is recorded. Refresh tokens
 * rotate like the real server's (a refresh token works once), so a double refresh shows up as a reuse.
 */
export function fakeServer(routes: Record<string, Handler> = {}) {
  const requests: HttpRequest[] = []
  let validAccess = 'access-1'
  let validRefresh = 'refresh-1'
  let generation = 1
  const refreshCalls: string[] = []

  const json = (status: number, body: unknown): HttpResponse => ({ status, body })
  const error = (status: number, code: string, message = '') => json(status, { error: { code, message, details: {} } })

  const builtIn: Record<string, Handler> = {
    'POST /auth/refresh': async (request) => {
      const token = (request.body as { refreshToken: string }).refreshToken
      refreshCalls.push(token)
      await new Promise((resolve) => setTimeout(resolve, 5)) // let concurrent callers pile up
      if (token !== validRefresh)
        return error(401, 'REFRESH_TOKEN_REUSED', '登录状态异常，为保护账号安全已退出，请重新登录')
      generation += 1
      validAccess = `access-${generation}`
      validRefresh = `refresh-${generation}`
      return json(200, { accessToken: validAccess, refreshToken: validRefresh, expiresIn: 900, user })
    }
  }

  const transport: Transport = async (request) => {
    requests.push(request)
    const path =
      request.url
        .replace(/^https?:\/\/[^/]+/, '')
        .replace(/^\/api\/v1/, '')
        .split('?')[0] ?? ''
    const handler = routes[`${request.method} ${path}`] ?? builtIn[`${request.method} ${path}`]
    if (!handler) return error(404, 'NOT_FOUND')
    const isAuthRoute = path.startsWith('/auth/')
    if (!isAuthRoute && request.headers.Authorization !== `Bearer ${validAccess}`) {
      return error(401, 'UNAUTHENTICATED', '登录已失效，请重新登录')
    }
    const answer = await handler(request)
    if (answer === 'network-down') throw new NetworkError('offline', 'request:fail')
    return answer
  }

  return {
    transport,
    requests,
    refreshCalls,
    json,
    error,
    /** Makes the current access token stale, as 15 minutes passing would. */
    expireAccessToken() {
      validAccess = `access-${generation}-renewed-only-by-refresh`
    },
    session(): StoredSession {
      return { accessToken: 'access-1', refreshToken: 'refresh-1', user }
    }
  }
}

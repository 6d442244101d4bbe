import { describe, expect, it } from 'vitest'
import { errorMessage } from '@veterans/shared/errors'
import { ApiClient, type SessionEvent } from '../src/api/client'
import { ApiError, NETWORK_OFFLINE } from '../src/api/errors'
import type { Transport } from '../src/api/transport'
import { fakeServer, memoryStore, user } from './fake-server'

const noWait = async () => {}

function clientFor(server: ReturnType<typeof fakeServer>, store = memoryStore(server.session())) {
  const events: SessionEvent[] = []
  const client = new ApiClient({ baseUrl: '/api/v1', transport: server.transport, store, sleep: noWait })
  client.subscribe((event) => events.push(event))
  return { client, store, events }
}

describe('access token and refresh', () => {
  it('attaches the access token as a bearer token', async () => {
    const server = fakeServer({ 'GET /me': () => ({ status: 200, body: user }) })
    const { client } = clientFor(server)
    await expect(client.get('/me')).resolves.toEqual(user)
    expect(server.requests[0]!.headers.Authorization).toBe('Bearer access-1')
    expect(server.requests[0]!.url).toBe('/api/v1/me')
  })

  it('refreshes once on 401 and retries the call with the new token', async () => {
    const server = fakeServer({ 'GET /me': () => ({ status: 200, body: user }) })
    const { client, store, events } = clientFor(server)
    server.expireAccessToken()
    await expect(client.get('/me')).resolves.toEqual(user)
    expect(server.refreshCalls).toEqual(['refresh-1'])
    expect(server.requests.at(-1)!.headers.Authorization).toBe('Bearer access-2')
    expect(store.value?.refreshToken).toBe('refresh-2')
    expect(events.map((e) => e.type)).toEqual(['refreshed'])
  })

  it('shares one refresh between concurrent calls that all got 401 (no refresh token is presented twice)', async () => {
    const server = fakeServer({
      'GET /me': () => ({ status: 200, body: user }),
      'GET /centers': () => ({ status: 200, body: { items: [] } }),
      'GET /services': () => ({ status: 200, body: { items: [] } })
    })
    const { client, events } = clientFor(server)
    server.expireAccessToken()
    const results = await Promise.all([
      client.get('/me'),
      client.get('/centers'),
      client.get('/services'),
      client.get('/me')
    ])
    expect(results).toHaveLength(4)
    expect(server.refreshCalls).toEqual(['refresh-1'])
    expect(events.filter((e) => e.type === 'signedOut')).toEqual([])
    expect(client.session?.accessToken).toBe('access-2')
  })

  it('does not refresh again for a call that was sent with a token an earlier refresh already replaced', async () => {
    const server = fakeServer({
      'GET /slow': () => ({ status: 200, body: { ok: true } }),
      'GET /me': () => ({ status: 200, body: user })
    })
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    // The slow call leaves with the old token but reaches the server only after another call has refreshed.
    const transport: Transport = async (request) => {
      if (request.url.endsWith('/slow') && request.headers.Authorization === 'Bearer access-1') await gate
      return server.transport(request)
    }
    const client = new ApiClient({ baseUrl: '/api/v1', transport, store: memoryStore(server.session()), sleep: noWait })
    server.expireAccessToken()
    const slow = client.get('/slow')
    await client.get('/me') // 401 → refresh → access-2
    release()
    await expect(slow).resolves.toEqual({ ok: true })
    expect(server.refreshCalls).toEqual(['refresh-1'])
    expect(server.requests.filter((r) => r.url.endsWith('/slow')).map((r) => r.headers.Authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-2'
    ])
  })

  it('signs out when the server reports a reused refresh token, and shows its message', async () => {
    const server = fakeServer({ 'GET /me': () => ({ status: 200, body: user }) })
    const store = memoryStore({ ...server.session(), refreshToken: 'refresh-0-already-rotated' })
    const { client, events } = clientFor(server, store)
    server.expireAccessToken()
    const error = await client.get('/me').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('REFRESH_TOKEN_REUSED')
    expect((error as ApiError).message).toBe('登录状态异常，为保护账号安全已退出，请重新登录')
    expect(events).toEqual([{ type: 'signedOut', reason: 'reused' }])
    expect(client.session).toBeNull()
    expect(store.value).toBeNull()
  })

  it('does not send a token on sign-in routes and starts the session from the answer', async () => {
    const server = fakeServer({
      'POST /auth/wechat': () => ({ status: 200, body: { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user } })
    })
    const { client, store, events } = clientFor(server, memoryStore(null))
    const pair = await client.post<{ accessToken: string; refreshToken: string; expiresIn: number; user: typeof user }>(
      '/auth/wechat',
      { body: { code: 'dev:a' }, auth: false }
    )
    client.startSession(pair)
    expect(server.requests[0]!.headers.Authorization).toBeUndefined()
    expect(store.value).toEqual({ accessToken: 'a', refreshToken: 'r', user })
    expect(events.map((e) => e.type)).toEqual(['signedIn'])
  })
})

describe('errors', () => {
  it("shows the server's Chinese message for its error code", async () => {
    const server = fakeServer({
      'POST /me/veteran': () => ({
        status: 404,
        body: {
          error: {
            code: 'REGISTRY_NO_MATCH',
            message: '未找到与姓名和身份证号一致的登记信息（服务器的话）',
            details: {}
          }
        }
      })
    })
    const { client } = clientFor(server)
    const error = (await client.post('/me/veteran', { body: {} }).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('REGISTRY_NO_MATCH')
    expect(error.status).toBe(404)
    expect(error.message).toBe('未找到与姓名和身份证号一致的登记信息（服务器的话）')
  })

  it('falls back to the shared message when the body has a code but no message', async () => {
    const server = fakeServer({
      'POST /me/veteran': () => ({ status: 429, body: { error: { code: 'TOO_MANY_ATTEMPTS' } } })
    })
    const { client } = clientFor(server)
    const error = (await client.post('/me/veteran').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('TOO_MANY_ATTEMPTS')
    expect(error.message).toBe(errorMessage('TOO_MANY_ATTEMPTS'))
  })

  it('maps an answer without the error body (a proxy page) by its status', async () => {
    const server = fakeServer({ 'POST /me/family-links': () => ({ status: 502, body: null }) })
    const { client } = clientFor(server)
    const error = (await client.post('/me/family-links').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('UNAVAILABLE')
    expect(error.message).toBe(errorMessage('UNAVAILABLE'))
  })

  it('exposes field errors of VALIDATION_FAILED', async () => {
    const server = fakeServer({
      'PATCH /me': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '填写的内容有误',
            details: { fields: [{ path: 'body.phone', message: '手机号格式不对' }] }
          }
        }
      })
    })
    const { client } = clientFor(server)
    const error = (await client.patch('/me', { body: { phone: '1' } }).catch((e: unknown) => e)) as ApiError
    expect(error.fieldMessage('phone')).toBe('手机号格式不对')
    expect(error.fieldMessage('displayName')).toBeUndefined()
  })

  it('says plainly that the network is down, without retrying a change that has no idempotency key', async () => {
    const server = fakeServer({ 'POST /me/family-invites': () => 'network-down' })
    const { client } = clientFor(server)
    const error = (await client.post('/me/family-invites').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe(NETWORK_OFFLINE)
    expect(error.isNetwork).toBe(true)
    expect(error.message).toMatch(/网络/)
    expect(server.requests).toHaveLength(1)
  })
})

describe('retries', () => {
  it('retries a GET that got no answer', async () => {
    let calls = 0
    const server = fakeServer({
      'GET /services': () => (++calls < 3 ? 'network-down' : { status: 200, body: { items: [] } })
    })
    const { client } = clientFor(server)
    await expect(client.get('/services')).resolves.toEqual({ items: [] })
    expect(server.requests).toHaveLength(3)
  })

  it('retries a call with an idempotency key using the same key every time', async () => {
    let calls = 0
    const server = fakeServer({
      'POST /bookings': () =>
        ++calls === 1 ? 'network-down' : calls === 2 ? { status: 503, body: null } : { status: 201, body: { id: 'b1' } }
    })
    const { client } = clientFor(server)
    await expect(client.post('/bookings', { body: { slotId: 's1' }, idempotencyKey: 'key-123' })).resolves.toEqual({
      id: 'b1'
    })
    expect(server.requests).toHaveLength(3)
    expect(server.requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['key-123', 'key-123', 'key-123'])
    expect(server.requests.map((r) => r.body)).toEqual([{ slotId: 's1' }, { slotId: 's1' }, { slotId: 's1' }])
  })

  it('keeps the idempotency key when the call is retried after a token refresh', async () => {
    const server = fakeServer({ 'POST /bookings': () => ({ status: 201, body: { id: 'b1' } }) })
    const { client } = clientFor(server)
    server.expireAccessToken()
    await client.post('/bookings', { body: { slotId: 's1' }, idempotencyKey: 'key-9' })
    const bookingCalls = server.requests.filter((r) => r.url.endsWith('/bookings'))
    expect(bookingCalls.map((r) => [r.headers.Authorization, r.headers['Idempotency-Key']])).toEqual([
      ['Bearer access-1', 'key-9'],
      ['Bearer access-2', 'key-9']
    ])
  })

  it('gives up after the configured retries and reports the network problem', async () => {
    const server = fakeServer({ 'GET /services': () => 'network-down' })
    const { client } = clientFor(server)
    const error = (await client.get('/services').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe(NETWORK_OFFLINE)
    expect(server.requests).toHaveLength(3) // first try + 2 retries
  })
})

describe('request shape', () => {
  it('sends a JSON body with every change (an empty object when there is nothing to send) and none with GET', async () => {
    const server = fakeServer({
      'DELETE /me': () => ({ status: 204, body: null }),
      'GET /centers': () => ({ status: 200, body: { items: [] } })
    })
    const { client } = clientFor(server)
    await expect(client.delete('/me')).resolves.toBeUndefined()
    await client.get('/centers', { query: { districtCode: '419902', serviceId: undefined } })
    expect(server.requests[0]).toMatchObject({
      method: 'DELETE',
      body: {},
      headers: { 'Content-Type': 'application/json' }
    })
    expect(server.requests[1]!.body).toBeUndefined()
    expect(server.requests[1]!.headers['Content-Type']).toBeUndefined()
    expect(server.requests[1]!.url).toBe('/api/v1/centers?districtCode=419902')
  })

  it('signOut ends the session at once and tells the server', async () => {
    const server = fakeServer({ 'POST /auth/logout': () => ({ status: 204, body: null }) })
    const { client, events } = clientFor(server)
    await client.signOut()
    expect(client.session).toBeNull()
    expect(events).toEqual([{ type: 'signedOut', reason: 'user' }])
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: { refreshToken: 'refresh-1' } })
  })
})

import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { buildTestApp } from '@veterans/bff/testing'
import { MATRIX } from './matrix'
import { viewOf } from './objects'
import { expandMatrix, type Cell } from './cells'
import { REQUESTS, type Fire } from './requests'
import { KINDS, parseAnswer, isSuccess, type Answer, type Kind } from './roles'
import { appRoutes, openApiRoutes } from './route-table'
import { Fixtures, type Obj } from './fixtures'
import { World, type App, type Caller, type LightMyRequestResponse } from './world'

// The authorization matrix: every route × every role × own / someone else's / another center's object, fired
// at the BFF in this process, each answer checked against the contract's (matrix.ts).

const { cells, problems } = expandMatrix()

let app: App
let world: World
let fixtures: Fixtures
let wsPort: number
const tally = new Map<number, number>()

beforeAll(async () => {
  app = await buildTestApp()
  world = await World.create(app)
  fixtures = new Fixtures(world)
  await app.listen({ host: '127.0.0.1', port: 0 })
  wsPort = (app.server.address() as AddressInfo).port
  // Shared objects, made once, one after another (a veteran's bookings must not race for the same service).
  for (const cell of cells) {
    const entry = MATRIX[cell.route]!
    const request = REQUESTS[cell.route]
    if (!entry.object || !request || (request.fresh && isSuccess(cell.answer))) continue
    await fixtures.object(entry.object, cell.ref as never, request.state, false)
  }
})

afterAll(async () => {
  const byAnswer = [...tally.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`)
  console.log(
    `authorization matrix: ${cells.length} cells over ${Object.keys(MATRIX).length} routes (${byAnswer.join(', ')})`
  )
  await app?.close()
})

/** What a WebSocket says to a first frame with this token (none: a frame that is not a sign-in). */
function socketAnswer(token: string | undefined): Promise<{ status: number; code: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${wsPort}/api/v1/ws`)
    const timer = setTimeout(() => {
      socket.terminate()
      reject(new Error('the socket neither answered nor closed within 3 s'))
    }, 3000)
    socket.on('open', () => socket.send(JSON.stringify(token ? { type: 'auth', token } : { type: 'ping' })))
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8')
      if ((JSON.parse(text) as { type?: string }).type !== 'ready') return
      clearTimeout(timer)
      resolve({ status: 200, code: null, body: text })
      socket.close()
    })
    socket.on('close', (code, reason) => {
      clearTimeout(timer)
      const unauthenticated = code === 4401
      resolve({
        status: unauthenticated ? 401 : code,
        code: unauthenticated ? 'UNAUTHENTICATED' : null,
        body: String(reason)
      })
    })
    socket.on('error', reject)
  })
}

async function send(
  caller: Caller,
  fire: Fire
): Promise<{ status: number; code: string | null; body: string; response?: LightMyRequestResponse }> {
  if (fire.websocket) return socketAnswer(caller.accessToken)
  if (fire.at) vi.useFakeTimers({ toFake: ['Date'], now: Math.max(Date.now(), fire.at) })
  try {
    const response = await caller.request({
      method: fire.method,
      url: fire.url,
      payload: fire.payload as never,
      headers: fire.headers
    })
    let code: string | null = null
    if (response.statusCode >= 400) {
      try {
        code = response.json<{ error?: { code?: string } }>().error?.code ?? null
      } catch {
        code = null
      }
    }
    return { status: response.statusCode, code, body: response.body, response }
  } finally {
    if (fire.at) vi.useRealTimers()
  }
}

/** The ids a list shows, every page of it. */
async function listedIds(caller: Caller, url: string): Promise<Set<string>> {
  const ids = new Set<string>()
  let cursor: string | null = null
  for (let page = 0; page < 50; page++) {
    const paged: string = cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url
    const response = await caller.request({ method: 'GET', url: paged })
    const body = response.json<{ items: { id: string }[]; nextCursor?: string | null }>()
    for (const item of body.items) ids.add(item.id)
    cursor = body.nextCursor ?? null
    if (!cursor) return ids
  }
  throw new Error(`${url} has more than 50 pages`)
}

/** A list shows what its detail route opens for this caller, and nothing else; messages for each difference. */
async function listingProblems(cell: Cell, caller: Caller, url: string): Promise<string[]> {
  const like = REQUESTS[cell.route]!.listsLike
  if (!like) return []
  const detail = MATRIX[like]!
  const view = viewOf(detail.object!, cell.role)
  const declared = detail.expect[cell.role]
  const shown: { kind: Kind; answer: Answer; id: string }[] = []
  for (const kind of KINDS) {
    const ref = view[kind]
    if (!ref) continue
    const answer = typeof declared === 'object' ? declared[kind]! : declared
    shown.push({
      kind,
      answer,
      id: (await fixtures.object(detail.object!, ref, REQUESTS[like]!.state, false)).id
    })
  }
  const listed = await listedIds(caller, url)
  const problems: string[] = []
  for (const { kind, answer, id } of shown) {
    if (listed.has(id) !== isSuccess(answer)) {
      problems.push(
        `${cell.route} — ${cell.role}: ${isSuccess(answer) ? 'does not list' : 'lists'} the ${kind} object (${like}: ${answer})`
      )
    }
  }
  return problems
}

/** Fires one cell; a message saying what went wrong, or null. */
async function fireCell(cell: Cell): Promise<string | null> {
  const entry = MATRIX[cell.route]!
  const request = REQUESTS[cell.route]!
  const where = `${cell.route} — ${cell.role}${cell.kind ? ` × ${cell.kind}` : ''}`
  const expected = parseAnswer(cell.answer)
  const succeeds = isSuccess(cell.answer)
  let got: Awaited<ReturnType<typeof send>>
  let fire: Fire
  /** What else is wrong: a list showing the wrong objects, a HEAD let through. */
  let alsoWrong: string[] = []
  try {
    const caller = await world.caller(cell.role, request.freshCaller)
    let obj: Obj | null = null
    if (entry.object)
      obj = await fixtures.object(entry.object, cell.ref as never, request.state, Boolean(request.fresh && succeeds))
    fire = await request.build({ w: world, role: cell.role, kind: cell.kind, caller, obj })
    got = await send(caller, fire)
    if (got.status < 300 && fire.undo && got.response) await fire.undo(got.response)
    if (got.status === 200 && expected.status === 200) alsoWrong = await listingProblems(cell, caller, fire.url)
    // Fastify answers HEAD beside each GET: a refusal must hold for it too.
    if (fire.method === 'GET' && !fire.websocket && expected.status >= 400) {
      const head = await caller.request({ method: 'HEAD', url: fire.url })
      if (head.statusCode !== expected.status)
        alsoWrong.push(`${where}: HEAD answers ${head.statusCode}, not ${expected.status}`)
    }
  } catch (error) {
    return `${where}: expected ${cell.answer}, but the cell could not run: ${(error as Error).message}`
  }
  tally.set(got.status, (tally.get(got.status) ?? 0) + 1)
  const codeMatches = expected.code === null || got.code === expected.code
  if (got.status === expected.status && codeMatches) return alsoWrong.length ? alsoWrong.join('\n') : null
  return `${where}: expected ${cell.answer}, got ${got.status}${got.code ? ` ${got.code}` : ''} ${got.body.slice(0, 200)}`
}

describe('the route table', () => {
  it('has an entry in the matrix, and a way to fire it, for every route the app serves, and none for others', () => {
    const served = appRoutes(app)
    const declared = Object.keys(MATRIX)
    expect(
      served.filter((r) => !declared.includes(r)),
      'routes without an entry in matrix.ts'
    ).toEqual([])
    expect(
      declared.filter((r) => !served.includes(r)),
      'entries for routes the app does not serve'
    ).toEqual([])
    expect(
      declared.filter((r) => !REQUESTS[r]),
      'entries without a request in requests.ts'
    ).toEqual([])
    expect(
      Object.keys(REQUESTS).filter((r) => !MATRIX[r]),
      'requests without an entry'
    ).toEqual([])
  })

  it('is read completely: every route of the OpenAPI document is among those read from the router', () => {
    const served = appRoutes(app)
    expect(openApiRoutes().filter((r) => !served.includes(r))).toEqual([])
  })

  it('declares an answer for exactly the objects each role can be shown', () => {
    expect(problems).toEqual([])
  })
})

describe('every cell answers as the contract says', () => {
  const routes = [...new Set(cells.map((c) => c.route))]
  it.each(routes)('%s', async (route) => {
    const failures: string[] = []
    for (const cell of cells.filter((c) => c.route === route)) {
      const failure = await fireCell(cell)
      if (failure) failures.push(failure)
    }
    expect(failures).toEqual([])
  })
})

describe('an Idempotency-Key', () => {
  // The same key from another user is another request: replaying the first answer would hand it to them.
  it("replays only its owner's answer: another user sending it gets their own", async () => {
    const { laowang, neighbour } = world.people
    const thread = await fixtures.object('thread', { by: 'laowang', at: 'donghu' }, 'open', false)
    const message = {
      method: 'POST' as const,
      url: `/api/v1/threads/${thread.id}/messages`,
      payload: { body: '同一个请求' },
      headers: { 'idempotency-key': world.idempotencyKey() }
    }
    expect((await laowang.request(message)).statusCode).toBe(201)
    const replayed = await neighbour.request(message)
    expect([replayed.statusCode, replayed.json().error?.code]).toEqual([404, 'NOT_FOUND'])

    // One place, taken by laowang: someone else with the same key and body is told the slot is full.
    const slot = await world.slot(world.centers.donghu, await world.freeService(laowang), world.laterStart(), 30)
    const booking = { ...message, url: '/api/v1/bookings', payload: { slotId: slot.id } }
    const first = await laowang.request(booking)
    expect(first.statusCode, first.body).toBe(201)
    const second = await (await world.newVeteran()).request(booking)
    expect([second.statusCode, second.json().error?.code]).toEqual([409, 'SLOT_FULL'])
    await laowang.request({ method: 'POST', url: `/api/v1/bookings/${first.json().id}/cancel`, payload: {} })
  })
})

import { DEMO_PASSWORD } from '@veterans/bff/testing'
import type { Kind, Role } from './roles'
import type { Obj, State } from './fixtures'
import { photoUpload, policyInput, registryCsv } from './payloads'
import { PASSWORD, type Caller, type InjectOptions, type LightMyRequestResponse, type World } from './world'

// How each cell of a route is fired: a request with a valid body, so that only authorization decides the answer
// (a 400 would hide it). The matrix (matrix.ts) says what the answer must be.

export interface CellContext {
  w: World
  role: Role
  kind: Kind | null
  caller: Caller
  /** The object the cell names (null for routes that name none). */
  obj: Obj | null
}

export interface Fire {
  method: InjectOptions['method']
  url: string
  payload?: unknown
  headers?: Record<string, string>
  /** Run the request at this time (Date faked): an answer that needs time to have passed. */
  at?: number
  /** A WebSocket cell: the first frame signs in with the caller's token. */
  websocket?: true
  /** After a 2xx, put back what would stand in other cells' way (a booking holding its veteran's service). */
  undo?: (response: LightMyRequestResponse) => Promise<unknown>
}

export interface RouteRequest {
  /** The state the object must be in for the route to succeed (booking: completed for a rating …). */
  state?: State
  /** A 2xx changes the object (cancel, delete, send …): each such cell gets an object of its own. */
  fresh?: true
  /** A 2xx changes the caller (binding, closing the account …): every cell gets an account of its own. */
  freshCaller?: true
  /**
   * A list: its pages (followed by nextCursor) must show exactly the objects this detail route opens for the
   * caller, e.g. GET /bookings lists what GET /bookings/:id answers 200 to; a leak shows as someone else's.
   */
  listsLike?: string
  build(c: CellContext): Fire | Promise<Fire>
}

const API = '/api/v1'
const get = (url: string): Fire => ({ method: 'GET', url })
const post = (url: string, payload?: unknown): Fire => ({ method: 'POST', url, payload })
const idem = (c: CellContext) => ({ 'idempotency-key': c.w.idempotencyKey() })
const id = (c: CellContext) => c.obj!.id
/** A Beijing calendar date some days from today. */
const dateIn = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)
const json = <T>(response: LightMyRequestResponse) => response.json<T>()

const cancelAs = (caller: Caller, bookingId: string) =>
  caller.request({ method: 'POST', url: `${API}/bookings/${bookingId}/cancel`, payload: {} })

/** Whom a booking names: the veteran asked for, or for a family member her father. */
function veteranIdFor(c: CellContext) {
  return c.obj!.veteranId ?? (c.role === 'family' ? c.w.people.laowang.veteranId! : undefined)
}

export const REQUESTS: Record<string, RouteRequest> = {
  'GET /healthz': { build: () => get('/healthz') },
  'GET /readyz': { build: () => get('/readyz') },
  'GET /openapi.json': { build: () => get('/openapi.json') },
  'GET /docs': { build: () => get('/docs') },
  'GET /docs/': { build: () => get('/docs/') },
  'GET /docs/json': { build: () => get('/docs/json') },
  'GET /docs/yaml': { build: () => get('/docs/yaml') },
  'GET /docs/static/index.html': { build: () => get('/docs/static/index.html') },
  'GET /docs/static/swagger-initializer.js': { build: () => get('/docs/static/swagger-initializer.js') },
  'GET /docs/*': { build: () => get('/docs/static/swagger-ui.css') },

  'POST /api/v1/auth/wechat': { build: (c) => post(`${API}/auth/wechat`, { code: `dev:authz-signin-${c.w.next()}` }) },
  'POST /api/v1/auth/staff': {
    build: () => post(`${API}/auth/staff`, { username: 'donghu', password: DEMO_PASSWORD })
  },
  'POST /api/v1/auth/refresh': {
    build: async (c) => post(`${API}/auth/refresh`, { refreshToken: (await c.w.newResident()).refreshToken })
  },
  'POST /api/v1/auth/logout': {
    build: async (c) => post(`${API}/auth/logout`, { refreshToken: (await c.w.newResident()).refreshToken })
  },
  'GET /api/v1/ws': { build: () => ({ method: 'GET', url: `${API}/ws`, websocket: true }) },

  'GET /api/v1/districts': { build: () => get(`${API}/districts`) },
  'GET /api/v1/centers': { build: () => get(`${API}/centers`) },
  'GET /api/v1/services': { build: () => get(`${API}/services`) },
  'GET /api/v1/policies': { build: () => get(`${API}/policies?q=${encodeURIComponent('优待')}`) },
  'GET /api/v1/policies/:id': { build: (c) => get(`${API}/policies/${id(c)}`) },
  'GET /api/v1/policies/for-me': { build: () => get(`${API}/policies/for-me`) },

  'GET /api/v1/me': { build: () => get(`${API}/me`) },
  'PATCH /api/v1/me': { build: () => ({ method: 'PATCH', url: `${API}/me`, payload: { elderMode: false } }) },
  'GET /api/v1/me/export': { build: () => get(`${API}/me/export`) },
  'DELETE /api/v1/me': { freshCaller: true, build: () => ({ method: 'DELETE', url: `${API}/me` }) },
  'POST /api/v1/me/password': {
    freshCaller: true,
    build: () => post(`${API}/me/password`, { currentPassword: PASSWORD, newPassword: 'a-new-password-2026' })
  },
  'POST /api/v1/me/veteran': {
    freshCaller: true,
    build: async (c) => post(`${API}/me/veteran`, await c.w.newRecord())
  },
  'GET /api/v1/me/family': { build: () => get(`${API}/me/family`) },
  'POST /api/v1/me/family-invites': { build: () => post(`${API}/me/family-invites`) },
  'POST /api/v1/me/family-links': {
    freshCaller: true,
    build: async (c) => {
      const invite = await c.w.people.neighbour.request({ method: 'POST', url: `${API}/me/family-invites` })
      return post(`${API}/me/family-links`, { code: json<{ code: string }>(invite).code, relation: 'other' })
    }
  },
  'DELETE /api/v1/me/family/:linkId': {
    fresh: true,
    build: (c) => ({ method: 'DELETE', url: `${API}/me/family/${id(c)}` })
  },
  'GET /api/v1/me/notifications': {
    listsLike: 'POST /api/v1/me/notifications/:id/read',
    build: () => get(`${API}/me/notifications?limit=100`)
  },
  'POST /api/v1/me/notifications/read-all': { build: () => post(`${API}/me/notifications/read-all`) },
  'POST /api/v1/me/notifications/:id/read': { build: (c) => post(`${API}/me/notifications/${id(c)}/read`) },
  'GET /api/v1/me/inbox': { build: () => get(`${API}/me/inbox`) },
  'POST /api/v1/me/inbox/read-all': { build: () => post(`${API}/me/inbox/read-all`) },
  'GET /api/v1/me/message-preferences': { build: () => get(`${API}/me/message-preferences`) },
  'PATCH /api/v1/me/message-preferences': {
    build: () => ({
      method: 'PATCH',
      url: `${API}/me/message-preferences`,
      payload: { items: [{ kind: 'notice', inbox: true }] }
    })
  },
  'GET /api/v1/me/wechat-subscriptions': { build: () => get(`${API}/me/wechat-subscriptions`) },
  'POST /api/v1/me/wechat-subscriptions': {
    build: () =>
      post(`${API}/me/wechat-subscriptions`, { results: [{ templateId: 'booking-reminder-tmpl', answer: 'reject' }] })
  },

  // ---- booking ----
  'GET /api/v1/slots': { build: (c) => get(`${API}/slots?centerId=${c.w.centers.donghu}`) },
  'GET /api/v1/slots/days': { build: (c) => get(`${API}/slots/days?centerId=${c.w.centers.donghu}`) },
  'GET /api/v1/slots/:id': { build: (c) => get(`${API}/slots/${id(c)}`) },
  'POST /api/v1/bookings': {
    build: async (c) => {
      const slot = await c.w.bookableSlot(c.caller, c.obj!.centerId!)
      const veteranId = veteranIdFor(c)
      return {
        ...post(`${API}/bookings`, { slotId: slot.id, ...(veteranId ? { veteranId } : {}) }),
        headers: idem(c),
        undo: (r) => cancelAs(c.caller, json<{ id: string }>(r).id)
      }
    }
  },
  'GET /api/v1/bookings': { listsLike: 'GET /api/v1/bookings/:id', build: () => get(`${API}/bookings?limit=100`) },
  'GET /api/v1/bookings/:id': { build: (c) => get(`${API}/bookings/${id(c)}`) },
  'POST /api/v1/bookings/:id/cancel': {
    fresh: true,
    build: (c) => post(`${API}/bookings/${id(c)}/cancel`, { reason: '临时有事' })
  },
  'POST /api/v1/bookings/:id/reschedule': {
    fresh: true,
    build: async (c) => {
      const target = await c.w.slot(c.obj!.centerId!, c.obj!.serviceId!, c.w.laterStart(), 30)
      return {
        ...post(`${API}/bookings/${id(c)}/reschedule`, { slotId: target.id }),
        undo: () => cancelAs(c.caller, id(c))
      }
    }
  },
  'POST /api/v1/bookings/:id/rating': {
    state: 'completed',
    fresh: true,
    build: (c) => post(`${API}/bookings/${id(c)}/rating`, { score: 5, comment: '服务很好' })
  },
  'POST /api/v1/waitlist': {
    build: async (c) => {
      const slot = await c.w.fullSlot(c.caller, c.obj!.centerId!)
      const veteranId = veteranIdFor(c)
      return {
        ...post(`${API}/waitlist`, { slotId: slot.id, ...(veteranId ? { veteranId } : {}) }),
        undo: (r) => c.caller.request({ method: 'DELETE', url: `${API}/waitlist/${json<{ id: string }>(r).id}` })
      }
    }
  },
  'GET /api/v1/waitlist': { listsLike: 'DELETE /api/v1/waitlist/:id', build: () => get(`${API}/waitlist`) },
  'DELETE /api/v1/waitlist/:id': { fresh: true, build: (c) => ({ method: 'DELETE', url: `${API}/waitlist/${id(c)}` }) },
  'POST /api/v1/staff/slots': {
    build: (c) => {
      const startsAt = c.w.laterStart()
      return post(`${API}/staff/slots`, {
        centerId: id(c),
        serviceId: c.w.serviceIds[0],
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 30 * 60_000).toISOString(),
        capacity: 2
      })
    }
  },
  'POST /api/v1/staff/slots/batch': {
    build: (c) =>
      post(`${API}/staff/slots/batch`, {
        centerId: id(c),
        serviceId: c.w.serviceIds[0],
        from: dateIn(20),
        to: dateIn(21),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        times: ['21:00-21:30'],
        capacity: 1
      })
  },
  'GET /api/v1/staff/slots': { build: (c) => get(`${API}/staff/slots?centerId=${id(c)}`) },
  'PATCH /api/v1/staff/slots/:id': {
    build: (c) => ({ method: 'PATCH', url: `${API}/staff/slots/${id(c)}`, payload: { capacity: 3 } })
  },
  'GET /api/v1/staff/bookings': { build: (c) => get(`${API}/staff/bookings?centerId=${id(c)}`) },
  'POST /api/v1/staff/bookings/:id/check-in': {
    state: 'soon',
    fresh: true,
    build: (c) => post(`${API}/staff/bookings/${id(c)}/check-in`, {})
  },
  'POST /api/v1/staff/bookings/:id/complete': {
    state: 'checkedIn',
    fresh: true,
    build: (c) => post(`${API}/staff/bookings/${id(c)}/complete`)
  },
  'POST /api/v1/staff/bookings/:id/no-show': {
    state: 'ended',
    fresh: true,
    // No-show only once the slot has ended: the cell runs just after its end.
    build: (c) => ({ ...post(`${API}/staff/bookings/${id(c)}/no-show`), at: Date.parse(c.obj!.endsAt!) + 1000 })
  },

  // ---- messaging and photos ----
  'POST /api/v1/threads': {
    build: (c) => ({
      ...post(`${API}/threads`, {
        category: 'preferential',
        subject: '优待证怎么办',
        body: '请问优待证在哪里办？',
        centerId: c.w.centers.donghu
      }),
      headers: idem(c)
    })
  },
  'GET /api/v1/threads': { listsLike: 'GET /api/v1/threads/:id', build: () => get(`${API}/threads?limit=100`) },
  'GET /api/v1/threads/:id': { build: (c) => get(`${API}/threads/${id(c)}`) },
  'GET /api/v1/threads/:id/messages': { build: (c) => get(`${API}/threads/${id(c)}/messages`) },
  'POST /api/v1/threads/:id/messages': {
    build: (c) => ({ ...post(`${API}/threads/${id(c)}/messages`, { body: '谢谢，我再问一下。' }), headers: idem(c) })
  },
  'POST /api/v1/threads/:id/read': { build: (c) => post(`${API}/threads/${id(c)}/read`, { seq: 1 }) },
  'POST /api/v1/threads/:id/rating': {
    state: 'resolved',
    fresh: true,
    build: (c) => post(`${API}/threads/${id(c)}/rating`, { score: 5 })
  },
  'GET /api/v1/staff/threads': { build: (c) => get(`${API}/staff/threads?centerId=${id(c)}`) },
  'GET /api/v1/staff/threads/:id': { build: (c) => get(`${API}/staff/threads/${id(c)}`) },
  'GET /api/v1/staff/threads/:id/messages': { build: (c) => get(`${API}/staff/threads/${id(c)}/messages`) },
  'POST /api/v1/staff/threads/:id/messages': {
    build: (c) => ({
      ...post(`${API}/staff/threads/${id(c)}/messages`, { body: '已转交窗口同事。', internal: true }),
      headers: idem(c)
    })
  },
  'GET /api/v1/staff/threads/:id/assignees': { build: (c) => get(`${API}/staff/threads/${id(c)}/assignees`) },
  'POST /api/v1/staff/threads/:id/assign': { build: (c) => post(`${API}/staff/threads/${id(c)}/assign`, {}) },
  'POST /api/v1/staff/threads/:id/status': {
    build: (c) => post(`${API}/staff/threads/${id(c)}/status`, { status: 'pending' })
  },
  'GET /api/v1/staff/canned-replies': { build: () => get(`${API}/staff/canned-replies`) },
  'POST /api/v1/staff/canned-replies': {
    build: () => post(`${API}/staff/canned-replies`, { title: '材料清单', body: '请带身份证和退役证件。' })
  },
  'POST /api/v1/uploads': {
    build: () => ({ method: 'POST', url: `${API}/uploads`, ...photoUpload() })
  },
  'GET /api/v1/uploads/:id': { build: (c) => get(`${API}/uploads/${id(c)}`) },

  // ---- notices ----
  'GET /api/v1/notices': { listsLike: 'GET /api/v1/notices/:id', build: () => get(`${API}/notices?limit=100`) },
  'GET /api/v1/notices/unread-count': { build: () => get(`${API}/notices/unread-count`) },
  'GET /api/v1/notices/:id': { build: (c) => get(`${API}/notices/${id(c)}`) },
  'POST /api/v1/notices/:id/read': { build: (c) => post(`${API}/notices/${id(c)}/read`) },
  'POST /api/v1/staff/notices': {
    build: (c) =>
      post(`${API}/staff/notices`, {
        title: '优待证集中办理通知',
        body: '本周六集中办理优待证。',
        audience: { roles: ['veteran', 'family'], districts: [c.obj!.districtCode] }
      })
  },
  'GET /api/v1/staff/notices': {
    listsLike: 'GET /api/v1/staff/notices/:id',
    build: () => get(`${API}/staff/notices?limit=100`)
  },
  'GET /api/v1/staff/notices/:id': { build: (c) => get(`${API}/staff/notices/${id(c)}`) },
  'GET /api/v1/staff/notices/:id/audience-preview': {
    build: (c) => get(`${API}/staff/notices/${id(c)}/audience-preview`)
  },
  'PATCH /api/v1/staff/notices/:id': {
    build: (c) => ({
      method: 'PATCH',
      url: `${API}/staff/notices/${id(c)}`,
      payload: { title: '优待证办理通知（修订）' }
    })
  },
  'DELETE /api/v1/staff/notices/:id': {
    fresh: true,
    build: (c) => ({ method: 'DELETE', url: `${API}/staff/notices/${id(c)}` })
  },
  'POST /api/v1/staff/notices/:id/submit': { fresh: true, build: (c) => post(`${API}/staff/notices/${id(c)}/submit`) },
  'POST /api/v1/staff/notices/:id/approve': {
    state: 'pending',
    fresh: true,
    build: (c) => post(`${API}/staff/notices/${id(c)}/approve`)
  },
  'POST /api/v1/staff/notices/:id/send': {
    fresh: true,
    build: (c) => ({ ...post(`${API}/staff/notices/${id(c)}/send`), headers: idem(c) })
  },
  'GET /api/v1/staff/push-deliveries': {
    state: 'sent',
    build: (c) => get(`${API}/staff/push-deliveries?sourceType=notice&sourceId=${id(c)}`)
  },

  // ---- policies (staff) ----
  'GET /api/v1/staff/policies': { build: () => get(`${API}/staff/policies`) },
  'POST /api/v1/staff/policies': { build: (c) => post(`${API}/staff/policies`, policyInput(c.w.next())) },
  'GET /api/v1/staff/policies/:id': { build: (c) => get(`${API}/staff/policies/${id(c)}`) },
  'PUT /api/v1/staff/policies/:id': {
    build: (c) => ({ method: 'PUT', url: `${API}/staff/policies/${id(c)}`, payload: policyInput(c.w.next()) })
  },
  'DELETE /api/v1/staff/policies/:id': {
    fresh: true,
    build: (c) => ({ method: 'DELETE', url: `${API}/staff/policies/${id(c)}` })
  },
  'POST /api/v1/staff/policies/:id/submit': {
    fresh: true,
    build: (c) => post(`${API}/staff/policies/${id(c)}/submit`)
  },
  'POST /api/v1/staff/policies/:id/approve': {
    state: 'pending',
    fresh: true,
    build: (c) => post(`${API}/staff/policies/${id(c)}/approve`)
  },
  'POST /api/v1/staff/policies/:id/return': {
    state: 'pending',
    fresh: true,
    build: (c) => post(`${API}/staff/policies/${id(c)}/return`, { note: '请补充文号。' })
  },
  'POST /api/v1/staff/policies/:id/repeal': {
    state: 'published',
    fresh: true,
    build: (c) => post(`${API}/staff/policies/${id(c)}/repeal`, { reason: '已被新政策取代' })
  },

  // ---- registry ----
  'GET /api/v1/staff/veterans': {
    listsLike: 'GET /api/v1/staff/veterans/:id',
    build: () => get(`${API}/staff/veterans?limit=100`)
  },
  'POST /api/v1/staff/veterans': {
    build: (c) =>
      post(`${API}/staff/veterans`, {
        name: '测试登记',
        idNumber: c.w.newIdNumber(),
        districtCode: c.obj!.districtCode,
        category: 'soldier'
      })
  },
  'GET /api/v1/staff/veterans/export': { build: () => get(`${API}/staff/veterans/export?format=csv`) },
  'POST /api/v1/staff/veterans/import/preview': {
    build: (c) => ({ method: 'POST', url: `${API}/staff/veterans/import/preview`, ...registryCsv(c.w.newIdNumber()) })
  },
  'POST /api/v1/staff/veterans/import': {
    build: (c) => ({
      method: 'POST',
      url: `${API}/staff/veterans/import?dryRun=true`,
      ...registryCsv(c.w.newIdNumber())
    })
  },
  'GET /api/v1/staff/veterans/:id': { build: (c) => get(`${API}/staff/veterans/${id(c)}`) },
  'PATCH /api/v1/staff/veterans/:id': {
    build: (c) => ({ method: 'PATCH', url: `${API}/staff/veterans/${id(c)}`, payload: { notes: '电话回访过' } })
  },
  'GET /api/v1/staff/veterans/:id/pii': {
    build: (c) => get(`${API}/staff/veterans/${id(c)}/pii?reason=${encodeURIComponent('核对身份')}`)
  },
  'GET /api/v1/staff/imports/:id': { build: (c) => get(`${API}/staff/imports/${id(c)}`) },
  'GET /api/v1/staff/imports/:id/errors.csv': { build: (c) => get(`${API}/staff/imports/${id(c)}/errors.csv`) },

  // ---- stats ----
  'GET /api/v1/staff/stats': {
    build: (c) => get(`${API}/staff/stats?from=${dateIn(-30)}&to=${dateIn(0)}&centerId=${id(c)}`)
  },
  'GET /api/v1/staff/stats.csv': {
    build: (c) => get(`${API}/staff/stats.csv?from=${dateIn(-30)}&to=${dateIn(0)}&centerId=${id(c)}`)
  },

  // ---- admin ----
  'POST /api/v1/admin/staff': {
    build: (c) =>
      post(`${API}/admin/staff`, {
        username: `authz-new-${c.w.next()}`,
        password: PASSWORD,
        displayName: '新同事',
        role: 'staff',
        centerId: c.w.centers.donghu
      })
  },
  'GET /api/v1/admin/staff': { build: () => get(`${API}/admin/staff`) },
  'PATCH /api/v1/admin/staff/:id': {
    build: (c) => ({ method: 'PATCH', url: `${API}/admin/staff/${id(c)}`, payload: { displayName: '改名同事' } })
  },
  'POST /api/v1/admin/staff/:id/reset-password': {
    fresh: true,
    build: (c) => post(`${API}/admin/staff/${id(c)}/reset-password`, { password: 'temporary-password-2026' })
  },
  'GET /api/v1/admin/audit': { build: () => get(`${API}/admin/audit?limit=5`) },
  'GET /api/v1/admin/audit.csv': { build: () => get(`${API}/admin/audit.csv`) }
}

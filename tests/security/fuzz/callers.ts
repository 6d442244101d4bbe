import { signInStaff, signInWechat, type buildTestApp, type Session } from '@veterans/bff/testing'
import type { Operation } from './operations'

type App = Awaited<ReturnType<typeof buildTestApp>>

/** Demo accounts: a veteran, a family member, an unbound resident; the city admin and city-level staff. */
const PEOPLE = ['laowang', 'xiaowang', 'zhangmin']
const STAFF = ['admin', 'city']

/**
 * Operations whose success ends the caller's own account: they get a throw-away WeChat account, signed in again
 * after each success, so that the demo accounts the other operations use stay open.
 */
export const ENDS_OWN_ACCOUNT = new Set(['DELETE /api/v1/me'])

/** The signed-in demo accounts the fuzzer calls with, signed in once and reused. */
export class Callers {
  private readonly sessions = new Map<string, Session>()
  private throwaways = 0

  constructor(private readonly app: App) {}

  async session(name: string): Promise<Session> {
    let session = this.sessions.get(name)
    if (!session) {
      session = STAFF.includes(name) ? await signInStaff(this.app, name) : await signInWechat(this.app, name)
      this.sessions.set(name, session)
    }
    return session
  }

  /** A new WeChat account, for operations that end their caller's account. */
  async throwaway(): Promise<Session> {
    this.throwaways += 1
    return signInWechat(this.app, `fuzz-throwaway-${this.throwaways}`)
  }

  /** The demo accounts whose tokens no longer work (a fuzzed request must not end the caller's login). */
  async ended(): Promise<string[]> {
    const ended: string[] = []
    for (const [name, session] of this.sessions) {
      const me = await session.request({ method: 'GET', url: '/api/v1/me' })
      if (me.statusCode !== 200) ended.push(`${name} (${me.statusCode})`)
    }
    return ended
  }

  /**
   * Who calls an operation: the first demo account the route does not refuse (401/403) for who it is. Staff routes
   * try staff first, the rest try people first. The probe cannot change anything: a GET, or a body that cannot
   * be parsed (the access check runs before the body is read). Null: a public route, called without a token.
   */
  async choose(op: Operation, url: string): Promise<string | null> {
    if (op.public) return null
    const staffRoute = /^\/api\/v1\/(staff|admin)\//.test(op.path)
    for (const name of staffRoute ? [...STAFF, ...PEOPLE] : [...PEOPLE, ...STAFF]) {
      const session = await this.session(name)
      const probe = await session.request(
        op.method === 'GET'
          ? { method: 'GET', url }
          : { method: op.method, url, headers: { 'content-type': 'application/json' }, payload: '{' }
      )
      if (probe.statusCode !== 401 && probe.statusCode !== 403) return name
    }
    throw new Error(`${op.name}: every demo account is refused`)
  }
}

/** Where a path parameter's valid values live, by the path segment before it. */
const ID_SOURCES: Record<string, string> = {
  'admin/staff': "SELECT id FROM users WHERE role = 'staff' ORDER BY rowid LIMIT 3",
  bookings: 'SELECT id FROM bookings ORDER BY rowid LIMIT 3',
  family: 'SELECT id FROM family_links ORDER BY rowid LIMIT 3',
  notifications: 'SELECT id FROM notifications ORDER BY rowid LIMIT 3',
  notices: 'SELECT id FROM notices ORDER BY rowid LIMIT 3',
  policies: 'SELECT id FROM policies ORDER BY rowid LIMIT 3',
  slots: 'SELECT id FROM slots ORDER BY rowid DESC LIMIT 3',
  imports: 'SELECT id FROM import_jobs ORDER BY rowid DESC LIMIT 3',
  threads: 'SELECT id FROM threads ORDER BY rowid LIMIT 3',
  veterans: 'SELECT id FROM veterans ORDER BY rowid LIMIT 3',
  uploads: 'SELECT id FROM uploads ORDER BY rowid DESC LIMIT 3',
  waitlist: 'SELECT id FROM waitlist_entries ORDER BY rowid LIMIT 3'
}

/** The source of a path parameter's values, e.g. `bookings` for `/api/v1/staff/bookings/{id}`. */
export function idSourceOf(op: Operation, param: string): string | undefined {
  return Object.keys(ID_SOURCES).find((source) => op.path.includes(`/${source}/{${param}}`))
}

/** Valid values of each path parameter, from the data as it is now (the demo data and what earlier fuzzing made). */
export function validIds(app: App, op: Operation): Record<string, string[]> {
  return Object.fromEntries(
    op.pathParams.map((p) => {
      const source = idSourceOf(op, p.name)
      return [p.name, source ? (app.sqlite.prepare(ID_SOURCES[source]!).pluck().all() as string[]) : []]
    })
  )
}

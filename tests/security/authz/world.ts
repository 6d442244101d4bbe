import { idNumberCheckChar } from '@veterans/shared'
import { DEMO_VETERANS, signInStaff, signInWechat, type buildTestApp, type Session } from '@veterans/bff/testing'
import type { CenterKey, PersonKey, StaffKey } from './objects'
import { photoUpload } from './payloads'
import type { Role } from './roles'

// The people and staff who play the roles, and what making things for them takes (slots, bookings, questions),
// all through the API as clients do it. fixtures.ts makes the objects the matrix names.

// Fastify's types, as the testing entry point gives them (this package does not depend on fastify itself).
export type App = Awaited<ReturnType<typeof buildTestApp>>
export type InjectOptions = Parameters<Session['request']>[0]
export type LightMyRequestResponse = Awaited<ReturnType<Session['request']>>

/** Who sends a cell's request: a signed-in session, or nobody (no Authorization header). */
export interface Caller {
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  accessToken?: string
  refreshToken?: string
}
export type Account = Session & { userId: string; veteranId: string | null }

export const PASSWORD = 'authz-matrix-password-2026'
export const MINUTE = 60_000

const CENTER_NAMES: Record<CenterKey, string> = {
  donghu: '东湖区退役军人服务中心',
  jiefang: '东湖区解放街道退役军人服务站',
  xijiang: '西江区退役军人服务中心',
  city: 'M市退役军人服务中心'
}

/** A fixture step's response must be `status`; its JSON body is returned. */
export async function expectStatus<T>(
  response: Promise<LightMyRequestResponse>,
  status: number,
  what: string
): Promise<T> {
  const r = await response
  if (r.statusCode !== status) throw new Error(`fixture ${what}: expected ${status}, got ${r.statusCode} ${r.body}`)
  return (r.body ? r.json() : undefined) as T
}

export class World {
  readonly anonymous: Caller
  people!: Record<PersonKey, Account>
  staff!: Record<StaffKey, Account>
  centers!: Record<CenterKey, string>
  serviceIds!: string[]
  private serial = 0
  private laterCount = 0
  /**
   * Later slots start 20 days ahead, 35 minutes apart: no two overlap, none is near the cancel cut-off, and none
   * meets the demo data, whose schedule and bookings lie within the next 14 days (three days ahead, a run at some
   * hours of the day met 王建国's demo booking: TIME_CONFLICT instead of 201). They never start on the minute either.
   */
  private readonly laterBase = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 20 * 24 * 3_600_000 + 7 * MINUTE + 13_000

  private constructor(readonly app: App) {
    this.anonymous = { request: (options) => app.inject(options) }
  }

  static async create(app: App): Promise<World> {
    const w = new World(app)
    const [zhangmin, laowang, xiaowang] = await Promise.all(
      ['zhangmin', 'laowang', 'xiaowang'].map((name) => w.account(signInWechat(app, name)))
    )
    const [donghu, xijiang, city, admin] = await Promise.all(
      ['donghu', 'xijiang', 'city', 'admin'].map((name) => w.account(signInStaff(app, name)))
    )
    const centers = await expectStatus<{ items: { id: string; name: string }[] }>(
      app.inject({ method: 'GET', url: '/api/v1/centers' }),
      200,
      'centers'
    )
    const centerId = (name: string) => centers.items.find((c) => c.name === name)?.id ?? ''
    w.centers = Object.fromEntries(Object.entries(CENTER_NAMES).map(([key, name]) => [key, centerId(name)])) as Record<
      CenterKey,
      string
    >
    const services = await expectStatus<{ items: { id: string }[] }>(
      app.inject({ method: 'GET', url: '/api/v1/services' }),
      200,
      'services'
    )
    w.serviceIds = services.items.map((s) => s.id)
    w.staff = { donghu: donghu!, xijiang: xijiang!, city: city!, admin: admin! } as Record<StaffKey, Account>
    const [donghu2, xijiang2, city2] = await Promise.all(
      (['donghu', 'xijiang', 'city'] as const).map((center) => w.newStaff('staff', center))
    )
    Object.assign(w.staff, { donghu2, xijiang2, city2 })
    const liSession = await signInWechat(app, 'authz-li')
    await expectStatus(
      liSession.request({ method: 'POST', url: '/api/v1/me/veteran', payload: DEMO_VETERANS.liZhiqiang }),
      200,
      'li binds'
    )
    const li = await w.account(Promise.resolve(liSession))
    const neighbour = await w.newVeteran({ districtCode: '419902', category: 'officer_transferred' })
    w.people = { zhangmin: zhangmin!, laowang: laowang!, xiaowang: xiaowang!, neighbour, li }
    return w
  }

  next() {
    return ++this.serial
  }

  idempotencyKey() {
    return `authz-key-${this.next()}`
  }

  /** The account behind a session, as GET /me says. */
  private async account(session: Promise<Session>): Promise<Account> {
    const s = await session
    const me = await expectStatus<{ id: string; veteran?: { id: string } }>(
      s.request({ method: 'GET', url: '/api/v1/me' }),
      200,
      'me'
    )
    return Object.assign(s, { userId: me.id, veteranId: me.veteran?.id ?? null })
  }

  /** The session that plays a role in every cell (fresh: one made for this cell alone). */
  async caller(role: Role, fresh = false): Promise<Caller> {
    if (role === 'anonymous') return this.anonymous
    if (!fresh) {
      const playing: Record<Exclude<Role, 'anonymous'>, Account> = {
        resident: this.people.zhangmin,
        veteran: this.people.laowang,
        family: this.people.xiaowang,
        centerStaff: this.staff.donghu,
        otherDistrictStaff: this.staff.xijiang,
        cityStaff: this.staff.city,
        admin: this.staff.admin
      }
      return playing[role]
    }
    if (role === 'resident') return this.newResident()
    if (role === 'veteran') return this.newVeteran()
    if (role === 'family') return this.newFamily()
    if (role === 'admin') return this.newStaff('admin', 'city')
    const center = role === 'centerStaff' ? 'donghu' : role === 'otherDistrictStaff' ? 'xijiang' : 'city'
    return this.newStaff('staff', center)
  }

  // ---- people and staff ----

  async newStaff(role: 'staff' | 'admin', center: CenterKey): Promise<Account> {
    const username = `authz-staff-${this.next()}`
    await expectStatus(
      this.staff.admin.request({
        method: 'POST',
        url: '/api/v1/admin/staff',
        payload: { username, password: PASSWORD, displayName: `矩阵${username}`, role, centerId: this.centers[center] }
      }),
      201,
      'new staff'
    )
    return this.account(signInStaff(this.app, username, PASSWORD))
  }

  newResident(): Promise<Account> {
    return this.account(signInWechat(this.app, `authz-resident-${this.next()}`))
  }

  /** A valid ID number no demo record has (area 419988, a birth date of its own). */
  newIdNumber(): string {
    const birth = new Date(Date.UTC(1960, 0, 1) + this.next() * 24 * 3_600_000).toISOString().slice(0, 10)
    const first17 = `419988${birth.replaceAll('-', '')}517`
    return first17 + idNumberCheckChar(first17)
  }

  /** A registry record nobody is bound to yet: what a person types to bind their account. */
  async newRecord(record: { districtCode?: string; category?: string } = {}) {
    const name = `测试${this.next()}`
    const idNumber = this.newIdNumber()
    const { districtCode = '419902', category = 'soldier' } = record
    await expectStatus(
      this.staff.admin.request({
        method: 'POST',
        url: '/api/v1/staff/veterans',
        payload: { name, idNumber, districtCode, category }
      }),
      201,
      'registry record'
    )
    return { name, idNumber }
  }

  /** A veteran as people become one: a registry record, a WeChat sign-in, the binding. */
  async newVeteran(record: { districtCode?: string; category?: string } = {}): Promise<Account> {
    const { name, idNumber } = await this.newRecord(record)
    const session = await this.newResident()
    await expectStatus(
      session.request({ method: 'POST', url: '/api/v1/me/veteran', payload: { name, idNumber } }),
      200,
      'binding'
    )
    return this.account(Promise.resolve(session))
  }

  async newFamily(): Promise<Account> {
    const veteran = await this.newVeteran()
    const family = await this.newResident()
    await this.link(veteran, family)
    return family
  }

  /** The veteran invites, the family member accepts: the link's id. */
  async link(veteran: Account, family: Account): Promise<string> {
    const invite = await expectStatus<{ code: string }>(
      veteran.request({ method: 'POST', url: '/api/v1/me/family-invites' }),
      201,
      'invite'
    )
    const link = await expectStatus<{ linkId: string }>(
      family.request({
        method: 'POST',
        url: '/api/v1/me/family-links',
        payload: { code: invite.code, relation: 'other' }
      }),
      201,
      'family link'
    )
    return link.linkId
  }

  /** A named person, or someone new (made by `make`). */
  someone(key: PersonKey | 'anyone', make: () => Promise<Account>) {
    return key === 'anyone' ? make() : Promise.resolve(this.people[key])
  }

  // ---- slots and bookings ----

  laterStart() {
    return this.laterBase + this.laterCount++ * 35 * MINUTE
  }

  /**
   * A service the veteran this account books for holds no active booking of. The family member books for her
   * father, whose own bookings she does not list: his list is asked.
   */
  async freeService(account: Caller): Promise<string> {
    const veteran = account === this.people.xiaowang ? this.people.laowang : account
    const page = await expectStatus<{ items: { serviceId: string }[] }>(
      veteran.request({ method: 'GET', url: '/api/v1/bookings?when=upcoming&limit=100' }),
      200,
      'upcoming bookings'
    )
    const taken = new Set(page.items.map((b) => b.serviceId))
    const free = this.serviceIds.find((id) => !taken.has(id))
    if (!free) throw new Error('fixture: no service left to book')
    return free
  }

  async slot(centerId: string, serviceId: string, startsAt: number, minutes: number, capacity = 1) {
    return expectStatus<{ id: string; centerId: string; serviceId: string; endsAt: string }>(
      this.staff.admin.request({
        method: 'POST',
        url: '/api/v1/staff/slots',
        payload: {
          centerId,
          serviceId,
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + minutes * MINUTE).toISOString(),
          capacity
        }
      }),
      201,
      'slot'
    )
  }

  /** A later slot at a center, of a service the account may book (any, for those who cannot list bookings). */
  async bookableSlot(account: Caller, centerId: string) {
    const listed = await account.request({ method: 'GET', url: '/api/v1/bookings?when=upcoming&limit=100' })
    const serviceId = listed.statusCode === 200 ? await this.freeService(account) : this.serviceIds[0]!
    return this.slot(centerId, serviceId, this.laterStart(), 30)
  }

  /** A later slot whose one place someone else has taken. */
  async fullSlot(account: Caller, centerId: string) {
    const slot = await this.bookableSlot(account, centerId)
    await this.book(await this.newVeteran(), slot.id)
    return slot
  }

  book(account: Caller, slotId: string, veteranId?: string) {
    return expectStatus<{ id: string }>(
      account.request({
        method: 'POST',
        url: '/api/v1/bookings',
        payload: { slotId, ...(veteranId ? { veteranId } : {}) },
        headers: { 'idempotency-key': this.idempotencyKey() }
      }),
      201,
      'booking'
    )
  }

  /** The veteran a family member books for (her father); nobody else says whom. */
  beneficiaryOf(by: PersonKey | 'anyone') {
    return by === 'xiaowang' ? (this.people.laowang.veteranId ?? undefined) : undefined
  }

  // ---- questions and photos ----

  startThread(person: Caller, center: CenterKey, attachmentIds?: string[]) {
    return expectStatus<{ id: string }>(
      person.request({
        method: 'POST',
        url: '/api/v1/threads',
        payload: {
          category: 'other',
          subject: '授权矩阵测试咨询',
          body: '请问办理需要带哪些材料？',
          centerId: this.centers[center],
          ...(attachmentIds ? { attachmentIds } : {})
        },
        headers: { 'idempotency-key': this.idempotencyKey() }
      }),
      201,
      'thread'
    )
  }

  staffReply(threadId: string, resolve: boolean) {
    return expectStatus(
      this.staff.admin.request({
        method: 'POST',
        url: `/api/v1/staff/threads/${threadId}/messages`,
        payload: { body: '您好，请带身份证和退役证件。', resolve },
        headers: { 'idempotency-key': this.idempotencyKey() }
      }),
      201,
      'staff reply'
    )
  }

  uploadPhoto(person: Caller) {
    return expectStatus<{ id: string }>(
      person.request({ method: 'POST', url: '/api/v1/uploads', ...photoUpload() }),
      201,
      'upload'
    )
  }
}

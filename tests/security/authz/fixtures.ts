import type { CenterKey, ObjectType, Refs, StaffKey } from './objects'
import { policyInput, registryCsv } from './payloads'
import { expectStatus, MINUTE, type Account, type World } from './world'

// The objects the matrix names (objects.ts says which for each role and kind), made through the API. A shared
// object is made once; a cell whose success changes its object (cancel, delete, send …) gets one of its own.

/** What a cell needs to know of the object it names. */
export interface Obj {
  id: string
  serviceId?: string
  centerId?: string
  endsAt?: string
  /** For a beneficiary: the veteran a booking is for (absent: oneself). */
  veteranId?: string
  districtCode?: string
}

/** The state a route needs its object in (booking: completed, to be rated …). */
export type State =
  | 'booked'
  | 'soon'
  | 'checkedIn'
  | 'completed'
  | 'ended'
  | 'open'
  | 'resolved'
  | 'draft'
  | 'pending'
  | 'published'
  | 'sent'

const STAFF_CENTER: Record<StaffKey, CenterKey> = {
  donghu: 'donghu',
  donghu2: 'donghu',
  xijiang: 'xijiang',
  xijiang2: 'xijiang',
  city: 'city',
  city2: 'city',
  admin: 'city'
}
const isStaffKey = (key: string): key is StaffKey => key in STAFF_CENTER
/** City-level staff write city-wide notices; district staff their district's. */
const CITY_LEVEL: StaffKey[] = ['city', 'city2', 'admin']
/** The district of each center (the city-level center is in 东湖区). */
const DISTRICTS: Record<CenterKey, string> = { donghu: '419902', jiefang: '419902', xijiang: '419903', city: '419902' }

export class Fixtures {
  private readonly shared = new Map<string, Promise<Obj>>()
  private soonCount = 0
  private endedCount = 0

  constructor(private readonly w: World) {}

  /** The object a cell names: shared with other cells, or made for this cell alone (fresh). */
  object<T extends ObjectType>(type: T, ref: Refs[T], state: State | undefined, fresh: boolean): Promise<Obj> {
    // An object without an id would make every "someone else's: 404" cell pass for nothing.
    const make = () =>
      this.make(type, ref, state).then((obj) => {
        if (typeof obj.id !== 'string' || obj.id.length < 10)
          throw new Error(`fixture ${type} ${JSON.stringify(ref)} has no id`)
        return obj
      })
    if (fresh) return make()
    const key = JSON.stringify([type, ref, state])
    if (!this.shared.has(key)) this.shared.set(key, make())
    return this.shared.get(key)!
  }

  private make(type: ObjectType, ref: Refs[ObjectType], state: State | undefined): Promise<Obj> {
    const w = this.w
    const r = ref as never
    switch (type) {
      case 'booking':
      case 'centerBooking':
        return this.booking(r, state ?? 'booked')
      case 'waitlistEntry':
        return this.waitlistEntry(r)
      case 'beneficiary':
        return Promise.resolve(this.beneficiary(r))
      case 'thread':
        return this.thread(r, state ?? 'open')
      case 'upload':
        return this.upload(r)
      case 'notification':
        return this.notification(r)
      case 'familyLink':
        return this.familyLink(r)
      case 'receivedNotice':
        return this.receivedNotice(r)
      case 'staffNotice':
      case 'cityWideNotice':
        return this.staffNotice(r, state ?? 'draft')
      case 'policy':
        return this.policy((ref as Refs['policy']).by, state ?? 'draft')
      case 'publicPolicy':
        return this.publicPolicy(r)
      case 'importJob':
        return this.importJob(r)
      case 'slot':
        return w.slot(w.centers[(ref as Refs['slot']).at], w.serviceIds[0]!, w.laterStart(), 30, 2)
      case 'center':
      case 'district': {
        const at = (ref as Refs['center']).at
        return Promise.resolve({ id: w.centers[at], districtCode: DISTRICTS[at] })
      }
      case 'staffAccount':
        return w.newStaff('staff', (ref as Refs['staffAccount']).at).then((account) => ({ id: account.userId }))
      case 'veteranRecord':
        return Promise.resolve({ id: w.people[(ref as Refs['veteranRecord']).of].veteranId! })
    }
  }

  // ---- booking ----

  private async booking(ref: Refs['booking'], state: State): Promise<Obj> {
    const w = this.w
    const booker = await w.someone(ref.by, () => w.newVeteran())
    const serviceId = await w.freeService(booker)
    // Check-in opens an hour before the start; no-show needs the end to have passed (the cell runs later).
    const [startsAt, minutes] =
      state === 'booked'
        ? [w.laterStart(), 30]
        : state === 'ended'
          ? [Date.now() + MINUTE + this.endedCount++ * 1000, 1]
          : [Date.now() + 20 * MINUTE + this.soonCount++ * 7000, 5]
    const slot = await w.slot(w.centers[ref.at], serviceId, startsAt, minutes)
    const booking = await w.book(booker, slot.id, w.beneficiaryOf(ref.by))
    const step = (action: string) =>
      expectStatus(
        w.staff.admin.request({ method: 'POST', url: `/api/v1/staff/bookings/${booking.id}/${action}`, payload: {} }),
        200,
        action
      )
    if (state === 'checkedIn' || state === 'completed') await step('check-in')
    if (state === 'completed') await step('complete')
    return { id: booking.id, serviceId, centerId: slot.centerId, endsAt: slot.endsAt }
  }

  private async waitlistEntry(ref: Refs['waitlistEntry']): Promise<Obj> {
    const w = this.w
    const person = await w.someone(ref.by, () => w.newVeteran())
    const slot = await w.fullSlot(person, w.centers[ref.at])
    const veteranId = w.beneficiaryOf(ref.by)
    const entry = await expectStatus<{ id: string }>(
      person.request({
        method: 'POST',
        url: '/api/v1/waitlist',
        payload: { slotId: slot.id, ...(veteranId ? { veteranId } : {}) }
      }),
      201,
      'waitlist entry'
    )
    return { id: entry.id }
  }

  /** Not a stored object: where to book, and for whom (absent: oneself). Its id is the center's. */
  private beneficiary(ref: Refs['beneficiary']): Obj {
    const centerId = this.w.centers[ref.at]
    return {
      id: centerId,
      centerId,
      veteranId: ref.for === 'neighbour' ? this.w.people.neighbour.veteranId! : undefined
    }
  }

  // ---- questions, photos, notifications, family ----

  private async thread(ref: Refs['thread'], state: State): Promise<Obj> {
    const person = await this.w.someone(ref.by, () => this.w.newResident())
    const thread = await this.w.startThread(person, ref.at)
    if (state === 'resolved') await this.w.staffReply(thread.id, true)
    return { id: thread.id }
  }

  private async upload(ref: Refs['upload']): Promise<Obj> {
    const uploader = isStaffKey(ref.by)
      ? this.w.staff[ref.by]
      : await this.w.someone(ref.by, () => this.w.newResident())
    const photo = await this.w.uploadPhoto(uploader)
    if (ref.attachedAt) await this.w.startThread(uploader, ref.attachedAt, [photo.id])
    return { id: photo.id }
  }

  /** A person's: a staff reply to their question. Staff's: a message in a thread they took. */
  private async notification(ref: Refs['notification']): Promise<Obj> {
    const w = this.w
    let owner: Account
    let threadId: string
    if (isStaffKey(ref.of)) {
      owner = w.staff[ref.of]
      const asker = await w.newResident()
      threadId = (await w.startThread(asker, STAFF_CENTER[ref.of])).id
      await expectStatus(
        owner.request({ method: 'POST', url: `/api/v1/staff/threads/${threadId}/assign`, payload: {} }),
        200,
        'assign'
      )
      await expectStatus(
        asker.request({
          method: 'POST',
          url: `/api/v1/threads/${threadId}/messages`,
          payload: { body: '补充一下情况。' },
          headers: { 'idempotency-key': w.idempotencyKey() }
        }),
        201,
        'resident message'
      )
    } else {
      owner = w.people[ref.of]
      threadId = (await w.startThread(owner, 'donghu')).id
      await w.staffReply(threadId, false)
    }
    const page = await expectStatus<{ items: { id: string; data: { threadId?: string } }[] }>(
      owner.request({ method: 'GET', url: '/api/v1/me/notifications?limit=100' }),
      200,
      'notifications'
    )
    const found = page.items.find((n) => n.data.threadId === threadId)
    if (!found) throw new Error(`fixture: no notification of ${ref.of} about thread ${threadId}`)
    return { id: found.id }
  }

  private async familyLink(ref: Refs['familyLink']): Promise<Obj> {
    const veteran = await this.w.someone(ref.veteran, () => this.w.newVeteran())
    const family = await this.w.someone(ref.family, () => this.w.newResident())
    return { id: await this.w.link(veteran, family) }
  }

  // ---- notices ----

  private createNotice(author: Account, audience: Record<string, unknown>) {
    return expectStatus<{ id: string }>(
      author.request({
        method: 'POST',
        url: '/api/v1/staff/notices',
        payload: { title: '授权矩阵测试通知', body: '请关注最新优待政策。', audience }
      }),
      201,
      'notice'
    )
  }

  private noticeStep(by: Account, id: string, step: 'submit' | 'approve' | 'send') {
    return expectStatus(
      by.request({
        method: 'POST',
        url: `/api/v1/staff/notices/${id}/${step}`,
        headers: step === 'send' ? { 'idempotency-key': this.w.idempotencyKey() } : {}
      }),
      200,
      `notice ${step}`
    )
  }

  private async waitUntilSent(author: Account, id: string) {
    for (let i = 0; i < 200; i++) {
      const notice = await expectStatus<{ status: string }>(
        author.request({ method: 'GET', url: `/api/v1/staff/notices/${id}` }),
        200,
        'notice status'
      )
      if (notice.status === 'sent') return
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`fixture: notice ${id} never finished sending`)
  }

  /** Sent to laowang's district (he and his daughter receive it), to 转业干部 there (neighbour), to 西江区 (li). */
  private async receivedNotice(ref: Refs['receivedNotice']): Promise<Obj> {
    const author = ref.to === 'li' ? this.w.staff.xijiang : this.w.staff.donghu
    const roles = ['veteran', 'family']
    // laowang is a 退役士兵 (soldier), so he and his daughter are not among neighbour's audience.
    const audience = ref.to === 'neighbour' ? { roles, veteranCategories: ['officer_transferred'] } : { roles }
    const notice = await this.createNotice(author, audience)
    await this.noticeStep(author, notice.id, 'send')
    await this.waitUntilSent(author, notice.id)
    const received = await this.w.people[ref.to].request({ method: 'GET', url: `/api/v1/notices/${notice.id}` })
    if (received.statusCode !== 200) throw new Error(`fixture: ${ref.to} did not receive notice ${notice.id}`)
    return { id: notice.id }
  }

  /** By this staff member: their district's, or city-wide for city-level staff; drafted, pending or sent. */
  private async staffNotice(ref: Refs['staffNotice'], state: State): Promise<Obj> {
    const author = this.w.staff[ref.by]
    const cityWide = CITY_LEVEL.includes(ref.by)
    const notice = await this.createNotice(author, { roles: ['veteran'] })
    if (cityWide && (state === 'pending' || state === 'sent')) await this.noticeStep(author, notice.id, 'submit')
    if (cityWide && state === 'sent') {
      await this.noticeStep(ref.by === 'admin' ? this.w.staff.city : this.w.staff.admin, notice.id, 'approve')
    }
    if (state === 'sent') await this.noticeStep(author, notice.id, 'send')
    return { id: notice.id }
  }

  // ---- policies and imports ----

  /** By this staff member: a draft, submitted, or published (approved by someone else). */
  private async policy(by: StaffKey, state: State): Promise<Obj> {
    const author = this.w.staff[by]
    const created = await expectStatus<{ id: string }>(
      author.request({ method: 'POST', url: '/api/v1/staff/policies', payload: policyInput(this.w.next()) }),
      201,
      'policy'
    )
    const step = (who: Account, action: string) =>
      expectStatus(
        who.request({ method: 'POST', url: `/api/v1/staff/policies/${created.id}/${action}` }),
        200,
        `policy ${action}`
      )
    if (state === 'pending' || state === 'published') await step(author, 'submit')
    if (state === 'published') await step(by === 'admin' ? this.w.staff.city : this.w.staff.admin, 'approve')
    return { id: created.id }
  }

  private async publicPolicy(ref: Refs['publicPolicy']): Promise<Obj> {
    if (!ref.published) return this.policy('donghu', 'draft')
    const list = await expectStatus<{ items: { id: string }[] }>(
      this.w.anonymous.request({ method: 'GET', url: '/api/v1/policies?limit=1' }),
      200,
      'policies'
    )
    return { id: list.items[0]!.id }
  }

  private async importJob(ref: Refs['importJob']): Promise<Obj> {
    const job = await expectStatus<{ jobId: string }>(
      this.w.staff[ref.by].request({
        method: 'POST',
        url: '/api/v1/staff/veterans/import?dryRun=true',
        ...registryCsv(this.w.newIdNumber())
      }),
      202,
      'import'
    )
    return { id: job.jobId }
  }
}

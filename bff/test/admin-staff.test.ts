import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'

let app: FastifyInstance
let admin: Session
let centerIds: Record<string, string>

const patch = (session: Session, id: string, payload: object) =>
  session.request({ method: 'PATCH', url: `/api/v1/admin/staff/${id}`, payload })
const staffId = (session: Session) => session.user.id
const signIn = (username: string, password?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username, password: password ?? 'demo-password-2026' }
  })

beforeAll(async () => {
  app = await buildTestApp()
  admin = await signInStaff(app, 'admin')
  const centers = (await admin.request({ method: 'GET', url: '/api/v1/centers' })).json().items as {
    id: string
    name: string
  }[]
  centerIds = Object.fromEntries(centers.map((c) => [c.name, c.id]))
})
afterAll(() => app.close())

describe('GET /admin/staff', () => {
  it('lists staff accounts with their center names, page by page', async () => {
    const first = await admin.request({ method: 'GET', url: '/api/v1/admin/staff', query: { limit: '3' } })
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(page.items).toHaveLength(3)
    expect(page.nextCursor).toEqual(expect.any(String))
    const rest = (
      await admin.request({ method: 'GET', url: '/api/v1/admin/staff', query: { cursor: page.nextCursor } })
    ).json()
    const all = [...page.items, ...rest.items] as { username: string }[]
    expect(all.find((s) => s.username === 'admin')).toMatchObject({
      role: 'admin',
      centerName: 'M市退役军人服务中心',
      disabled: false,
      mustChangePassword: false
    })
    const usernames = all.map((s) => s.username)
    expect(new Set(usernames).size).toBe(usernames.length)
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'city', 'donghu', 'xijiang']))
    expect(JSON.stringify(rest)).not.toContain('password')
  })

  it('refuses a bad limit or cursor with 400, staff with 403', async () => {
    const bad = await admin.request({ method: 'GET', url: '/api/v1/admin/staff', query: { limit: '0' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields[0].path).toMatch(/limit/)
    const city = await signInStaff(app, 'city')
    expect((await city.request({ method: 'GET', url: '/api/v1/admin/staff' })).statusCode).toBe(403)
  })
})

describe('PATCH /admin/staff/:id', () => {
  it("renames, moves and changes a role; moving ends the account's logins", async () => {
    const nanshan = await signInStaff(app, 'nanshan')
    const renamed = await patch(admin, staffId(nanshan), { displayName: '  南山小李 ' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ displayName: '南山小李', centerName: '南山区退役军人服务中心' })
    // A new name keeps the login.
    expect((await nanshan.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)

    const moved = await patch(admin, staffId(nanshan), { centerId: centerIds['西江区退役军人服务中心'] })
    expect(moved.json()).toMatchObject({
      centerId: centerIds['西江区退役军人服务中心'],
      centerName: '西江区退役军人服务中心'
    })
    expect((await nanshan.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    const again = await signInStaff(app, 'nanshan')
    expect(again.user.center?.id).toBe(centerIds['西江区退役军人服务中心'])

    const promoted = await patch(admin, staffId(again), { role: 'admin' })
    expect(promoted.json().role).toBe('admin')
    expect((await again.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    const back = await patch(admin, staffId(again), { role: 'staff' })
    expect(back.statusCode).toBe(200)
  })

  it('switches an account off (its tokens stop, it cannot sign in) and on again', async () => {
    const beitang = await signInStaff(app, 'beitang')
    const off = await patch(admin, staffId(beitang), { disabled: true })
    expect(off.statusCode).toBe(200)
    expect(off.json().disabled).toBe(true)
    expect((await beitang.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    const refresh = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: beitang.refreshToken }
    })
    expect(refresh.statusCode).toBe(401)
    const refused = await signIn('beitang')
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error.code).toBe('INVALID_CREDENTIALS')
    // The same answer as a wrong password: nobody learns the account exists but is off.
    expect(refused.json().error.message).toBe((await signIn('beitang', 'wrong-password-1')).json().error.message)

    expect((await patch(admin, staffId(beitang), { disabled: false })).json().disabled).toBe(false)
    expect((await signIn('beitang')).statusCode).toBe(200)
  })

  it('records every change in the audit log', async () => {
    const xijiang = await signInStaff(app, 'xijiang')
    await patch(admin, staffId(xijiang), { displayName: '西江老周' })
    const log = await admin.request({
      method: 'GET',
      url: '/api/v1/admin/audit',
      query: { action: 'admin.update_staff' }
    })
    const entry = log.json().items.find((e: { entityId: string }) => e.entityId === staffId(xijiang))
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      actorName: '市局管理员',
      entity: 'user',
      detail: { changes: { displayName: '西江老周' } }
    })
  })

  it('refuses staff without a center, unknown centers and empty changes with 400', async () => {
    const donghu = await signInStaff(app, 'donghu')
    const noCenter = await patch(admin, staffId(donghu), { centerId: null })
    expect(noCenter.statusCode).toBe(400)
    expect(noCenter.json().error.details.fields[0].path).toBe('body.centerId')
    const unknown = await patch(admin, staffId(donghu), { centerId: 'nope' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details.fields[0].path).toBe('body.centerId')
    expect((await patch(admin, staffId(donghu), {})).statusCode).toBe(400)
    const badRole = await patch(admin, staffId(donghu), { role: 'veteran' })
    expect(badRole.statusCode).toBe(400)
    expect(badRole.json().error.details.fields[0].path).toMatch(/role/)
    // Nothing changed, and the login lives on.
    expect((await donghu.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
  })

  it('answers 404 for unknown accounts and for WeChat accounts', async () => {
    expect((await patch(admin, 'no-such-account', { disabled: true })).statusCode).toBe(404)
    const laowang = await signInWechat(app, 'laowang')
    expect((await patch(admin, laowang.user.id, { disabled: true })).statusCode).toBe(404)
  })

  it('is for admins only', async () => {
    const city = await signInStaff(app, 'city')
    expect((await patch(city, staffId(city), { role: 'admin' })).statusCode).toBe(403)
    const laowang = await signInWechat(app, 'laowang')
    expect((await patch(laowang, staffId(city), { disabled: true })).statusCode).toBe(403)
  })
})

describe('the last active admin', () => {
  it('cannot be switched off or made staff', async () => {
    const solo = await buildTestApp()
    try {
      const onlyAdmin = await signInStaff(solo, 'admin')
      for (const change of [{ disabled: true }, { role: 'staff', centerId: centerIdOf(onlyAdmin) }]) {
        const response = await onlyAdmin.request({
          method: 'PATCH',
          url: `/api/v1/admin/staff/${onlyAdmin.user.id}`,
          payload: change
        })
        expect(response.statusCode).toBe(409)
        expect(response.json().error.code).toBe('LAST_ADMIN')
      }
      expect((await onlyAdmin.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
    } finally {
      await solo.close()
    }
  })

  it('survives two admins switching each other off at once: one succeeds', async () => {
    const race = await buildTestApp()
    try {
      const founder = await signInStaff(race, 'admin')
      const create = (username: string) =>
        founder.request({
          method: 'POST',
          url: '/api/v1/admin/staff',
          payload: { username, password: 'a-long-password', displayName: username, role: 'admin' }
        })
      expect((await create('admin.a')).statusCode).toBe(201)
      expect((await create('admin.b')).statusCode).toBe(201)
      const [a, b] = await Promise.all([
        signInStaff(race, 'admin.a', 'a-long-password'),
        signInStaff(race, 'admin.b', 'a-long-password')
      ])
      // The founder steps down first, leaving exactly the two.
      const stepDown = await a.request({
        method: 'PATCH',
        url: `/api/v1/admin/staff/${founder.user.id}`,
        payload: { disabled: true }
      })
      expect(stepDown.statusCode).toBe(200)
      const answers = await Promise.all([
        a.request({ method: 'PATCH', url: `/api/v1/admin/staff/${b.user.id}`, payload: { disabled: true } }),
        b.request({ method: 'PATCH', url: `/api/v1/admin/staff/${a.user.id}`, payload: { disabled: true } })
      ])
      const codes = answers.map((r) => r.statusCode).sort()
      expect(codes.filter((c) => c === 200)).toHaveLength(1)
      // The other one lost: refused as the last admin, or already switched off by the winner.
      expect([401, 409]).toContain(codes.find((c) => c !== 200))
      const winner = answers[0].statusCode === 200 ? a : b
      const list = (await winner.request({ method: 'GET', url: '/api/v1/admin/staff' })).json().items as {
        role: string
        disabled: boolean
      }[]
      expect(list.filter((s) => s.role === 'admin' && !s.disabled)).toHaveLength(1)
    } finally {
      await race.close()
    }
  })
})

function centerIdOf(session: Session): string {
  return session.user.center!.id
}

describe('POST /admin/staff/:id/reset-password', () => {
  it('sets a temporary password, ends the logins and asks for a new one at sign-in', async () => {
    const linhe = await signInStaff(app, 'linhe')
    const reset = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/staff/${linhe.user.id}/reset-password`,
      payload: { password: 'temporary-pass-1' }
    })
    expect(reset.statusCode).toBe(204)
    expect((await linhe.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    expect((await signIn('linhe')).statusCode).toBe(401)
    const signedIn = await signIn('linhe', 'temporary-pass-1')
    expect(signedIn.statusCode).toBe(200)
    expect(signedIn.json().user.mustChangePassword).toBe(true)
    const listed = (await admin.request({ method: 'GET', url: '/api/v1/admin/staff', query: { limit: '100' } }))
      .json()
      .items.find((s: { id: string }) => s.id === linhe.user.id)
    expect(listed.mustChangePassword).toBe(true)
    const log = await admin.request({
      method: 'GET',
      url: '/api/v1/admin/audit',
      query: { action: 'admin.reset_password', actorId: admin.user.id }
    })
    expect(log.json().items[0]).toMatchObject({ entityId: linhe.user.id })
    expect(JSON.stringify(log.json())).not.toContain('temporary-pass-1')
  })

  it('refuses short passwords (400), unknown accounts (404) and non-admins (403)', async () => {
    const city = await signInStaff(app, 'city')
    const url = `/api/v1/admin/staff/${city.user.id}/reset-password`
    const short = await admin.request({ method: 'POST', url, payload: { password: 'short' } })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.details.fields[0].path).toBe('body.password')
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/v1/admin/staff/nope/reset-password',
          payload: { password: 'long-enough-pass' }
        })
      ).statusCode
    ).toBe(404)
    expect((await city.request({ method: 'POST', url, payload: { password: 'long-enough-pass' } })).statusCode).toBe(
      403
    )
  })
})

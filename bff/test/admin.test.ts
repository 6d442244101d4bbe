import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { query } from '../src/db/query'

let app: FastifyInstance
let admin: Session
let centerId: string
beforeAll(async () => {
  app = await buildTestApp()
  admin = await signInStaff(app, 'admin')
  const centers = (await admin.request({ method: 'GET', url: '/api/v1/centers' })).json()
  centerId = centers.items.find((c: { name: string }) => c.name === '西江区退役军人服务中心').id
})
afterAll(() => app.close())

const createStaff = (session: Session, payload: object) =>
  session.request({ method: 'POST', url: '/api/v1/admin/staff', payload })

describe('POST /admin/staff', () => {
  it('creates a staff account that can sign in, with its center', async () => {
    const response = await createStaff(admin, {
      username: 'Xijiang.Li',
      password: 'a-long-password',
      displayName: '李干事',
      role: 'staff',
      centerId
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ username: 'xijiang.li', role: 'staff', centerId })
    expect(response.body).not.toContain('a-long-password')
    const signedIn = await signInStaff(app, 'xijiang.li', 'a-long-password')
    expect(signedIn.user).toMatchObject({ role: 'staff', center: { id: centerId } })
  })

  it('refuses short passwords, staff without a center and unknown centers with 400', async () => {
    const short = await createStaff(admin, {
      username: 'short1',
      password: 'only9char',
      displayName: 'x',
      role: 'staff',
      centerId
    })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.details.fields[0].path).toBe('body.password')
    const noCenter = await createStaff(admin, {
      username: 'nocenter',
      password: 'a-long-password',
      displayName: 'x',
      role: 'staff'
    })
    expect(noCenter.json().error.details.fields[0].path).toBe('body.centerId')
    const unknown = await createStaff(admin, {
      username: 'unknown',
      password: 'a-long-password',
      displayName: 'x',
      role: 'staff',
      centerId: 'nope'
    })
    expect(unknown.statusCode).toBe(400)
  })

  it('refuses a taken username with 409', async () => {
    const response = await createStaff(admin, {
      username: 'donghu',
      password: 'a-long-password',
      displayName: 'x',
      role: 'admin'
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('USERNAME_TAKEN')
  })

  it('is for admins only', async () => {
    const payload = { username: 'sneaky', password: 'a-long-password', displayName: 'x', role: 'admin' }
    expect((await createStaff(await signInStaff(app, 'city'), payload)).statusCode).toBe(403)
    expect((await createStaff(await signInWechat(app, 'laowang'), payload)).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/staff', payload })).statusCode).toBe(401)
  })
})

describe('the audit log', () => {
  it('records staff writes and sign-ins, newest first, filterable and paged', async () => {
    await createStaff(admin, { username: 'audited', password: 'a-long-password', displayName: '审计', role: 'admin' })
    const page = (
      await admin.request({ method: 'GET', url: `/api/v1/admin/audit?actorId=${admin.user.id}&limit=1` })
    ).json()
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ actorId: admin.user.id, action: 'admin.create_staff', entity: 'user' })
    expect(page.nextCursor).toEqual(expect.any(String))
    const next = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/admin/audit?actorId=${admin.user.id}&limit=100&cursor=${page.nextCursor}`
      })
    ).json()
    expect(next.items.every((e: { id: string }) => e.id < page.items[0].id)).toBe(true)
    expect(next.items.map((e: { action: string }) => e.action)).toContain('auth.staff_sign_in')
  })

  it('cannot be changed or deleted, not even by the application’s own SQL', async () => {
    await expect(query(app.db, "UPDATE audit_log SET action = 'forged'").run()).rejects.toThrow(/append-only/)
    await expect(query(app.db, 'DELETE FROM audit_log').run()).rejects.toThrow(/append-only/)
  })

  it('answers 400 for bad filters and 403 for staff', async () => {
    const bad = await admin.request({ method: 'GET', url: '/api/v1/admin/audit?limit=500&from=yesterday' })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort()
    ).toEqual(['querystring.from', 'querystring.limit'])
    expect(
      (await (await signInStaff(app, 'donghu')).request({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode
    ).toBe(403)
  })
})

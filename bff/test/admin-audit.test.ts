import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { query } from '../src/db/query'
import { buildTestApp, signInStaff, type Session } from '../src/testing/index'

let app: FastifyInstance
let admin: Session
let city: Session

const audit = (query: Record<string, string>) => admin.request({ method: 'GET', url: '/api/v1/admin/audit', query })

beforeAll(async () => {
  app = await buildTestApp()
  admin = await signInStaff(app, 'admin')
  city = await signInStaff(app, 'city')
  for (const displayName of ['一', '二', '三']) {
    await admin.request({ method: 'PATCH', url: `/api/v1/admin/staff/${city.user.id}`, payload: { displayName } })
  }
})
afterAll(() => app.close())

describe('GET /admin/audit', () => {
  it('filters by who and what, newest first, with the name of who acted, page by page', async () => {
    const first = await audit({ actorId: admin.user.id, action: 'admin.update_staff', limit: '2' })
    expect(first.statusCode).toBe(200)
    const page = first.json()
    expect(
      page.items.map((e: { detail: { changes: { displayName: string } } }) => e.detail.changes.displayName)
    ).toEqual(['三', '二'])
    expect(page.items[0]).toMatchObject({ actorName: '市局管理员', entity: 'user', entityId: city.user.id })
    const next = (await audit({ actorId: admin.user.id, action: 'admin.update_staff', cursor: page.nextCursor })).json()
    expect(next.items).toHaveLength(1)
    expect(next.nextCursor).toBeNull()
    const signIns = (await audit({ actorId: city.user.id })).json().items
    expect(signIns.map((e: { action: string }) => e.action)).toEqual(['auth.staff_sign_in'])
  })

  it('filters by when', async () => {
    const future = (await audit({ from: '2099-01-01T00:00:00+08:00' })).json()
    expect(future.items).toEqual([])
    const upToNow = (
      await audit({ to: new Date(Date.now() + 60_000).toISOString(), action: 'admin.update_staff' })
    ).json()
    expect(upToNow.items).toHaveLength(3)
  })

  it('refuses bad filters with 400 and staff with 403', async () => {
    const bad = await audit({ from: 'yesterday' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields[0].path).toMatch(/from/)
    expect((await city.request({ method: 'GET', url: '/api/v1/admin/audit' })).statusCode).toBe(403)
  })
})

describe('GET /admin/audit.csv', () => {
  it('downloads the filtered log as CSV with Beijing times', async () => {
    const response = await admin.request({
      method: 'GET',
      url: '/api/v1/admin/audit.csv',
      query: { action: 'admin.update_staff' }
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/csv/)
    const lines = response.rawPayload.toString('utf8').split('\r\n')
    expect(lines[0]).toBe('\uFEFF时间（北京时间）,操作人,操作人编号,角色,操作,对象,对象编号,详情')
    expect(lines).toHaveLength(5) // header, three entries, the final line end
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2},市局管理员,/)
    expect(lines[1]).toContain('admin.update_staff')
    expect(lines[1]).toContain('"{""before"":')
    expect((await city.request({ method: 'GET', url: '/api/v1/admin/audit.csv' })).statusCode).toBe(403)
  })
})

describe('the audit log is append-only in the database', () => {
  it("refuses UPDATE and DELETE through the app's own connection", async () => {
    const count = () => query(app.db, 'SELECT count(*) FROM audit_log').value()
    const before = await count()
    await expect(query(app.db, "UPDATE audit_log SET action = 'tampered'").run()).rejects.toThrow(/append-only/)
    await expect(query(app.db, 'DELETE FROM audit_log').run()).rejects.toThrow(/append-only/)
    expect(await count()).toBe(before)
    expect(await query(app.db, "SELECT count(*) FROM audit_log WHERE action = 'tampered'").value()).toBe(0)
  })
})

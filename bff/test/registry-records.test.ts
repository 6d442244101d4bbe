import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import ExcelJS from 'exceljs'
import { buildTestApp, DEMO_VETERANS, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { idNumberOf } from './registry-helpers'

let app: FastifyInstance
let donghu: Session
let xijiang: Session
let city: Session
let admin: Session
let resident: Session
/** Records of 东湖区 (419902) and 西江区 (419903). */
let wangId: string
let liId: string

const get = (session: Session, url: string) => session.request({ method: 'GET', url: `/api/v1${url}` })
const patch = (session: Session, id: string, payload: object) =>
  session.request({ method: 'PATCH', url: `/api/v1/staff/veterans/${id}`, payload })

beforeAll(async () => {
  app = await buildTestApp()
  ;[donghu, xijiang, city, admin, resident] = await Promise.all([
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'city'),
    signInStaff(app, 'admin'),
    signInWechat(app, 'laowang')
  ])
  wangId = (await get(admin, `/staff/veterans?q=${encodeURIComponent(DEMO_VETERANS.wangJianguo.name)}`)).json().items[0]
    .id
  liId = (await get(admin, `/staff/veterans?q=${encodeURIComponent(DEMO_VETERANS.liZhiqiang.name)}`)).json().items[0].id
  // A few more records of 东湖区, created in order (newest last).
  for (let n = 0; n < 5; n++) {
    const response = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/veterans',
      payload: {
        name: `检索${n}`,
        idNumber: idNumberOf('419902', 900 + n),
        districtCode: '419902',
        category: n % 2 ? 'officer_transferred' : 'soldier',
        status: n === 4 ? 'deceased' : 'active',
        servedUnit: '某部',
        phone: `1390000000${n}`
      }
    })
    expect(response.statusCode, response.body).toBe(201)
  }
})
afterAll(() => app.close())

describe('GET /staff/veterans', () => {
  it('finds by part of the name, newest first, with the total, masked', async () => {
    const page = (await get(donghu, '/staff/veterans?q=检索&limit=2')).json()
    expect(page.total).toBe(5)
    expect(page.items.map((v: { name: string }) => v.name)).toEqual(['检索4', '检索3'])
    expect(page.nextCursor).toEqual(expect.any(String))
    const next = (await get(donghu, `/staff/veterans?q=检索&limit=2&cursor=${page.nextCursor}`)).json()
    expect(next.items.map((v: { name: string }) => v.name)).toEqual(['检索2', '检索1'])
    expect(JSON.stringify(page)).not.toContain(idNumberOf('419902', 904))
    expect(page.items[0].phoneMasked).toBe('139****0004')
  })

  it('finds by the last 4 characters of the ID number, and filters by category and status', async () => {
    const tail = DEMO_VETERANS.wangJianguo.idNumber.slice(-4)
    const found = (await get(donghu, `/staff/veterans?q=${tail}`)).json()
    expect(found.items.map((v: { id: string }) => v.id)).toContain(wangId)
    expect((await get(donghu, '/staff/veterans?q=检索&category=officer_transferred')).json().total).toBe(2)
    expect((await get(donghu, '/staff/veterans?q=检索&status=deceased')).json().total).toBe(1)
    expect((await get(donghu, '/staff/veterans?q=%25')).json().total).toBe(0)
  })

  it("never shows district staff another district's veterans, even when they ask for that district", async () => {
    const all = (await get(donghu, '/staff/veterans?limit=100')).json()
    expect(all.items.every((v: { districtCode: string }) => v.districtCode === '419902')).toBe(true)
    expect((await get(donghu, '/staff/veterans?districtCode=419903')).json()).toMatchObject({ items: [], total: 0 })
    expect((await get(donghu, `/staff/veterans?q=${DEMO_VETERANS.liZhiqiang.name}`)).json().total).toBe(0)
    expect((await get(city, `/staff/veterans?q=${DEMO_VETERANS.liZhiqiang.name}`)).json().total).toBe(1)
    expect((await get(xijiang, `/staff/veterans?q=${DEMO_VETERANS.liZhiqiang.name}`)).json().total).toBe(1)
  })

  it('answers 400 for a bad query, 403 to residents, 401 without a sign-in', async () => {
    const bad = await get(donghu, '/staff/veterans?limit=0&category=general')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([expect.stringContaining('limit')])
    )
    expect((await get(resident, '/staff/veterans')).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: '/api/v1/staff/veterans' })).statusCode).toBe(401)
  })
})

describe('GET /staff/veterans/:id', () => {
  it('shows the record with its district name, family count, bookings and threads', async () => {
    const response = await get(donghu, `/staff/veterans/${wangId}`)
    expect(response.statusCode).toBe(200)
    const detail = response.json()
    expect(detail).toMatchObject({ veteran: { id: wangId, name: '王建国' }, districtName: '东湖区' })
    expect(detail.familyCount).toEqual(expect.any(Number))
    expect(Array.isArray(detail.bookings) && Array.isArray(detail.threads)).toBe(true)
    for (const booking of detail.bookings)
      expect(booking).toMatchObject({ serviceName: expect.any(String), centerName: expect.any(String) })
    expect(response.body).not.toContain(DEMO_VETERANS.wangJianguo.idNumber)
  })

  it("is 404 for another district's record and for no record", async () => {
    expect((await get(donghu, `/staff/veterans/${liId}`)).statusCode).toBe(404)
    expect((await get(donghu, '/staff/veterans/nope')).statusCode).toBe(404)
    expect((await get(resident, `/staff/veterans/${wangId}`)).statusCode).toBe(403)
  })
})

describe('PATCH /staff/veterans/:id', () => {
  it('changes the fields sent, clears with null, and audits which fields changed', async () => {
    const response = await patch(donghu, wangId, {
      servedUnit: '某集团军',
      notes: '需回访',
      phone: '13712345678',
      disabilityLevel: 6
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ servedUnit: '某集团军', phoneMasked: '137****5678', disabilityLevel: 6 })
    const cleared = await patch(donghu, wangId, { disabilityLevel: null, notes: null })
    expect(cleared.json()).toMatchObject({ disabilityLevel: null, notes: null, servedUnit: '某集团军' })
    const audit = (await get(admin, '/admin/audit?action=registry.update')).json()
    const fields = audit.items
      .filter((e: { entityId: string }) => e.entityId === wangId)
      .map((e: { detail: { fields: string[] } }) => e.detail.fields)
    expect(fields).toContainEqual(['servedUnit', 'notes', 'phone', 'disabilityLevel'])
    expect(fields).toContainEqual(['disabilityLevel', 'notes'])
    expect(JSON.stringify(audit)).not.toContain('13712345678')
  })

  it('refuses dates out of order and an unknown district with 400 naming the fields', async () => {
    const dates = await patch(donghu, wangId, { enlistDate: '1990-01-01', dischargeDate: '1985-01-01' })
    expect(dates.statusCode).toBe(400)
    expect(dates.json().error.details.fields).toEqual([{ path: 'body.dischargeDate', message: expect.any(String) }])
    const future = await patch(donghu, wangId, { dischargeDate: '2999-01-01' })
    expect(future.json().error.details.fields[0].path).toBe('body.dischargeDate')
    const beforeBirth = await patch(donghu, wangId, { enlistDate: '1950-01-01' })
    expect(beforeBirth.json().error.details.fields[0].path).toBe('body.enlistDate')
    const district = await patch(donghu, wangId, { districtCode: '999999' })
    expect(district.statusCode).toBe(400)
    expect(district.json().error.details.fields[0].path).toBe('body.districtCode')
    const schema = await patch(donghu, wangId, { idNumber: '1' })
    expect(schema.statusCode).toBe(400)
    expect((await patch(donghu, wangId, {})).statusCode).toBe(400)
  })

  it("is 403 for moving a record out of one's district, 404 for another district's record, 403 for residents", async () => {
    expect((await patch(donghu, wangId, { districtCode: '419903' })).statusCode).toBe(403)
    expect((await patch(donghu, liId, { notes: 'x' })).statusCode).toBe(404)
    expect((await patch(resident, wangId, { notes: 'x' })).statusCode).toBe(403)
    expect((await patch(city, liId, { notes: '市级可改' })).statusCode).toBe(200)
  })
})

describe('GET /staff/veterans/:id/pii', () => {
  it('reveals the ID number and phone for a reason, for 30 s, and audits it with the reason', async () => {
    const response = await get(donghu, `/staff/veterans/${wangId}/pii?reason=${encodeURIComponent('核对优待证')}`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      idNumber: DEMO_VETERANS.wangJianguo.idNumber,
      phone: '13712345678',
      showForSeconds: 30
    })
    expect(response.headers['cache-control']).toBe('no-store')
    const audit = (await get(admin, '/admin/audit?action=registry.reveal')).json()
    expect(audit.items[0]).toMatchObject({ entityId: wangId, detail: { reason: '核对优待证' } })
  })

  it('needs a reason (400), and is 404 outside the district and 403 for residents', async () => {
    const noReason = await get(donghu, `/staff/veterans/${wangId}/pii`)
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.fields[0].path).toContain('reason')
    expect((await get(donghu, `/staff/veterans/${liId}/pii?reason=check`)).statusCode).toBe(404)
    expect((await get(resident, `/staff/veterans/${wangId}/pii?reason=check`)).statusCode).toBe(403)
  })
})

describe('GET /staff/veterans/export', () => {
  it('gives a masked CSV with a BOM of my district only', async () => {
    const response = await get(donghu, '/staff/veterans/export?format=csv')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    expect(response.headers['content-disposition']).toContain('attachment')
    expect(response.body.startsWith('\uFEFF姓名,身份证号')).toBe(true)
    expect(response.body).toContain('王建国')
    expect(response.body).toContain('东湖区')
    expect(response.body).not.toContain('李志强')
    expect(response.body).not.toContain(DEMO_VETERANS.wangJianguo.idNumber)
    expect(response.body).not.toContain('13712345678')
  })

  it('gives an XLSX that opens, with the filters applied', async () => {
    const response = await get(donghu, '/staff/veterans/export?format=xlsx&q=检索')
    expect(response.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名')
    expect(sheet.rowCount).toBe(6)
    expect(sheet.getRow(2).getCell(2).text).toContain('****')
  })

  it('unmasks only for admins with a reason, and audits every export', async () => {
    expect((await get(donghu, '/staff/veterans/export?format=csv&unmasked=true&reason=核对')).statusCode).toBe(403)
    const noReason = await get(admin, '/staff/veterans/export?format=csv&unmasked=true')
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details.fields[0].path).toContain('reason')
    const unmasked = await get(
      admin,
      `/staff/veterans/export?format=csv&unmasked=true&reason=${encodeURIComponent('年度核查')}`
    )
    expect(unmasked.statusCode).toBe(200)
    expect(unmasked.body).toContain(DEMO_VETERANS.wangJianguo.idNumber)
    expect(unmasked.body).toContain(DEMO_VETERANS.liZhiqiang.idNumber)
    const audit = (await get(admin, '/admin/audit?action=registry.export')).json()
    expect(audit.items[0].detail).toMatchObject({ unmasked: true, reason: '年度核查', format: 'csv' })
    expect(audit.items.some((e: { detail: { unmasked: boolean } }) => !e.detail.unmasked)).toBe(true)
    expect((await get(resident, '/staff/veterans/export?format=csv')).statusCode).toBe(403)
    expect((await get(donghu, '/staff/veterans/export?format=pdf')).statusCode).toBe(400)
  })
})

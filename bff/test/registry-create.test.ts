import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { readFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { idNumberCheckChar } from '@veterans/shared'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17)
const create = (session: Session, payload: object) =>
  session.request({ method: 'POST', url: '/api/v1/staff/veterans', payload })

let app: FastifyInstance
let donghu: Session
beforeAll(async () => {
  app = await buildTestApp()
  donghu = await signInStaff(app, 'donghu')
})
afterAll(() => app.close())

describe('POST /staff/veterans', () => {
  it('records a veteran, answers masked, and takes gender and birth date from the ID number', async () => {
    const idNumber = withCheck('41990219900101002')
    const response = await create(donghu, {
      name: '赵敏',
      idNumber,
      districtCode: '419902',
      category: 'soldier',
      phone: '13911112222'
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      name: '赵敏',
      idNumberMasked: '419902********' + idNumber.slice(-4),
      gender: 'female',
      birthDate: '1990-01-01',
      phoneMasked: '139****2222',
      bound: false
    })
    expect(response.body).not.toContain(idNumber)
    expect(response.body).not.toContain('13911112222')
  })

  it('refuses the same ID number twice with 409 VETERAN_EXISTS', async () => {
    const idNumber = withCheck('41990219880808001')
    expect(
      (await create(donghu, { name: '钱一', idNumber, districtCode: '419902', category: 'soldier' })).statusCode
    ).toBe(201)
    const again = await create(donghu, {
      name: '钱二',
      idNumber: idNumber.toLowerCase(),
      districtCode: '419902',
      category: 'other'
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('VETERAN_EXISTS')
  })

  it('refuses an ID number with a bad checksum (422) and bad fields (400 with paths)', async () => {
    const badChecksum = await create(donghu, {
      name: '孙三',
      idNumber: '419902199001010020',
      districtCode: '419902',
      category: 'soldier'
    })
    if (withCheck('41990219900101002').endsWith('0')) throw new Error('fixture clash')
    expect(badChecksum.statusCode).toBe(422)
    expect(badChecksum.json().error.code).toBe('ID_NUMBER_INVALID')
    const bad = await create(donghu, {
      name: '',
      idNumber: withCheck('41990219900101003'),
      districtCode: '419902',
      category: 'general',
      disabilityLevel: 11,
      phone: '123'
    })
    expect(bad.statusCode).toBe(400)
    const paths = bad
      .json()
      .error.details.fields.map((f: { path: string }) => f.path)
      .sort()
    expect(paths).toEqual(['body.category', 'body.disabilityLevel', 'body.name', 'body.phone'])
    const unknownDistrict = await create(donghu, {
      name: '孙四',
      idNumber: withCheck('41990219900101005'),
      districtCode: '999999',
      category: 'soldier'
    })
    expect(unknownDistrict.statusCode).toBe(400)
    expect(unknownDistrict.json().error.details.fields[0].path).toBe('body.districtCode')
  })

  it('keeps district staff to their own district (403) while city staff and admins may record anywhere', async () => {
    const payload = (first17: string) => ({
      name: '周五',
      idNumber: withCheck(first17),
      districtCode: '419903',
      category: 'soldier'
    })
    expect((await create(donghu, payload('41990319700101001'))).statusCode).toBe(403)
    expect((await create(await signInStaff(app, 'city'), payload('41990319700101003'))).statusCode).toBe(201)
    expect((await create(await signInStaff(app, 'admin'), payload('41990319700101005'))).statusCode).toBe(201)
  })

  it('is staff-only: residents and veterans get 403, no token gets 401', async () => {
    const payload = {
      name: '吴六',
      idNumber: withCheck('41990219700101007'),
      districtCode: '419902',
      category: 'soldier'
    }
    expect((await create(await signInWechat(app, 'laowang'), payload)).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/staff/veterans', payload })).statusCode).toBe(401)
  })

  it('writes an audit entry for the creation', async () => {
    const admin = await signInStaff(app, 'admin')
    const audit = (await admin.request({ method: 'GET', url: '/api/v1/admin/audit?action=registry.create' })).json()
    expect(audit.items.length).toBeGreaterThan(0)
    expect(audit.items[0]).toMatchObject({ action: 'registry.create', entity: 'veteran' })
    expect(JSON.stringify(audit)).not.toMatch(/\d{17}[\dX]/)
  })
})

describe('personal data at rest', () => {
  it('leaves no ID number or phone readable in the database files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'veterans-pii-'))
    const fileApp = await buildTestApp({ DATABASE_URL: `file:${path.join(dir, 'test.db')}` })
    const staff = await signInStaff(fileApp, 'admin')
    const idNumber = withCheck('41990519620202001')
    const phone = '13698765432'
    expect(
      (await create(staff, { name: '郑七', idNumber, districtCode: '419905', category: 'soldier', phone })).statusCode
    ).toBe(201)
    const resident = await signInWechat(fileApp, 'pii-check')
    await resident.request({ method: 'PATCH', url: '/api/v1/me', payload: { phone: '13512344321' } })
    const files = readdirSync(dir).map((f) => readFileSync(path.join(dir, f)))
    await fileApp.close()
    const everything = Buffer.concat(files)
    expect(everything.length).toBeGreaterThan(10_000)
    expect(everything.includes(idNumber)).toBe(false)
    expect(everything.includes(phone)).toBe(false)
    expect(everything.includes('13512344321')).toBe(false)
    // The demo veteran's ID number is not there either, though the record is.
    expect(everything.includes('419902195803120313')).toBe(false)
    expect(everything.includes('郑七')).toBe(true)
    rmSync(dir, { recursive: true, force: true })
  })
})

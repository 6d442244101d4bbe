import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, DEMO_VETERANS, signInStaff, signInWechat } from '../src/testing/index'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const { liZhiqiang, wangJianguo, chenXiuying } = DEMO_VETERANS

describe('GET and PATCH /me', () => {
  it('shows a veteran their masked record and a family member whom they are linked to', async () => {
    const veteran = await signInWechat(app, 'laowang')
    const me = (await veteran.request({ method: 'GET', url: '/api/v1/me' })).json()
    expect(me).toMatchObject({
      role: 'veteran',
      veteran: { name: '王建国', idNumberMasked: '419902********0313', districtCode: '419902', category: 'soldier' }
    })
    expect(JSON.stringify(me)).not.toContain(wangJianguo.idNumber)
    const family = await signInWechat(app, 'xiaowang')
    expect(family.user).toMatchObject({ role: 'family', familyOf: [{ veteranNameMasked: '王*国', relation: 'child' }] })
  })

  it('updates display name, elder mode and phone, and shows the phone masked', async () => {
    const user = await signInWechat(app, 'patcher')
    const response = await user.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { displayName: '老李', elderMode: true, phone: '13912348888' }
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ displayName: '老李', elderMode: true, phoneMasked: '139****8888' })
    expect(response.body).not.toContain('13912348888')
    // Elder mode is kept with the account: a new login sees it.
    expect((await signInWechat(app, 'patcher')).user.elderMode).toBe(true)
  })

  it('answers 400 with field paths for bad values', async () => {
    const user = await signInWechat(app, 'patcher2')
    const response = await user.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { phone: '12345', elderMode: 'yes', displayName: '' }
    })
    expect(response.statusCode).toBe(400)
    const paths = response
      .json()
      .error.details.fields.map((f: { path: string }) => f.path)
      .sort()
    expect(paths).toEqual(['body.displayName', 'body.elderMode', 'body.phone'])
  })

  it('answers 401 without a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/me', payload: {} })).statusCode).toBe(401)
  })
})

describe('POST /me/veteran (identity binding)', () => {
  const bind = (session: Awaited<ReturnType<typeof signInWechat>>, payload: object) =>
    session.request({ method: 'POST', url: '/api/v1/me/veteran', payload })

  it('binds a resident to their registry record and makes them a veteran', async () => {
    const resident = await signInWechat(app, 'lizhiqiang')
    const response = await bind(resident, { name: liZhiqiang.name, idNumber: liZhiqiang.idNumber })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      role: 'veteran',
      veteran: { name: '李志强', idNumberMasked: '419903********0516' }
    })
    // Binding again to the same record is harmless.
    expect((await bind(resident, { name: liZhiqiang.name, idNumber: liZhiqiang.idNumber })).statusCode).toBe(200)
  })

  it('refuses a record already bound to another account with 409 VETERAN_ALREADY_BOUND', async () => {
    const someoneElse = await signInWechat(app, 'impostor')
    const response = await bind(someoneElse, { name: wangJianguo.name, idNumber: wangJianguo.idNumber })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('VETERAN_ALREADY_BOUND')
  })

  it('lets exactly one of many accounts bind one record at the same moment', async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, (_, i) => signInWechat(app, `claimant${i}`)))
    const results = await Promise.all(
      sessions.map((s) => bind(s, { name: chenXiuying.name, idNumber: chenXiuying.idNumber }))
    )
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7)
  })

  it('rejects an ID number whose checksum is wrong with 422 ID_NUMBER_INVALID', async () => {
    const resident = await signInWechat(app, 'typo')
    const response = await bind(resident, { name: '李志强', idNumber: '419903198506150517' })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('ID_NUMBER_INVALID')
  })

  it('gives one answer, 404 REGISTRY_NO_MATCH, for a wrong name and for an unknown ID number', async () => {
    const resident = await signInWechat(app, 'prober')
    const wrongName = await bind(resident, { name: '李志刚', idNumber: liZhiqiang.idNumber })
    const unknownId = await bind(resident, { name: '李志强', idNumber: '11010519491231002X' })
    expect(wrongName.statusCode).toBe(404)
    expect(wrongName.json()).toEqual(unknownId.json())
    expect(wrongName.json().error.code).toBe('REGISTRY_NO_MATCH')
  })

  it('says each binding refusal plainly: what to check once, and the one place to go (退役军人服务中心)', async () => {
    const resident = await signInWechat(app, 'plain-words')
    const noMatch = (await bind(resident, { name: '李志刚', idNumber: liZhiqiang.idNumber })).json().error.message
    const taken = (await bind(resident, { name: wangJianguo.name, idNumber: wangJianguo.idNumber })).json().error
      .message
    for (const message of [noMatch, taken] as string[]) {
      expect(message).toContain('退役军人服务中心')
      expect(message).not.toContain('服务站')
      expect(message.split('核对').length - 1).toBeLessThanOrEqual(1)
    }
    // Who does what: the person checks the form, else goes to register with their papers.
    expect(noMatch).toMatch(/对照身份证/)
    expect(noMatch).toMatch(/带上身份证和退役证件到所在区县的退役军人服务中心登记/)
  })

  it('allows 5 failed attempts per account per hour, then 429 TOO_MANY_ATTEMPTS even for correct details', async () => {
    const resident = await signInWechat(app, 'guesser')
    for (let i = 0; i < 5; i++)
      expect((await bind(resident, { name: '某某', idNumber: liZhiqiang.idNumber })).statusCode).toBe(404)
    const blocked = await bind(resident, { name: liZhiqiang.name, idNumber: liZhiqiang.idNumber })
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS')
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(3500)
  })

  it('counts parallel attempts too: of 10 wrong bindings sent at once, only 5 are tried', async () => {
    const resident = await signInWechat(app, 'parallel-guesser')
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => bind(resident, { name: `某${i}`, idNumber: liZhiqiang.idNumber }))
    )
    expect(results.filter((r) => r.statusCode === 404)).toHaveLength(5)
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(5)
  })

  it('answers 400 for missing fields, 401 without a token, 403 for staff', async () => {
    const resident = await signInWechat(app, 'blank')
    const missing = await bind(resident, {})
    expect(missing.statusCode).toBe(400)
    expect(
      missing
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort()
    ).toEqual(['body.idNumber', 'body.name'])
    expect((await app.inject({ method: 'POST', url: '/api/v1/me/veteran', payload: {} })).statusCode).toBe(401)
    const staff = await signInStaff(app, 'donghu')
    expect((await bind(staff, { name: liZhiqiang.name, idNumber: liZhiqiang.idNumber })).statusCode).toBe(403)
  })
})

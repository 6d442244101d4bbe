import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, DEMO_VETERANS, signInStaff, signInWechat } from '../src/testing/index'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('GET /me/export', () => {
  it('gives a veteran everything held about them, their own ID number and phone unmasked', async () => {
    const veteran = await signInWechat(app, 'laowang')
    await veteran.request({ method: 'PATCH', url: '/api/v1/me', payload: { phone: '13700001111' } })
    const response = await veteran.request({ method: 'GET', url: '/api/v1/me/export' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const data = response.json()
    expect(data.account).toMatchObject({ displayName: '老王', phone: '13700001111', role: 'veteran' })
    expect(data.veteranRecord).toMatchObject({
      name: '王建国',
      idNumber: DEMO_VETERANS.wangJianguo.idNumber,
      phone: '13800138000',
      disabilityLevel: 8
    })
    expect(data.familyMembers).toEqual([expect.objectContaining({ displayName: '王小梅', relation: 'child' })])
    expect(data.sessions.length).toBeGreaterThan(0)
  })

  it('does not give a family member the veteran’s unmasked data', async () => {
    const family = await signInWechat(app, 'xiaowang')
    const data = (await family.request({ method: 'GET', url: '/api/v1/me/export' })).json()
    expect(data.veteranRecord).toBeNull()
    expect(JSON.stringify(data)).not.toContain(DEMO_VETERANS.wangJianguo.idNumber)
    expect(data.familyLinks).toEqual([expect.objectContaining({ veteranNameMasked: '王*国' })])
  })
})

describe('DELETE /me', () => {
  it('closes the account: tokens revoked, personal data erased, the registry record free to bind again', async () => {
    const { liZhiqiang } = DEMO_VETERANS
    const first = await signInWechat(app, 'leaving')
    await first.request({ method: 'PATCH', url: '/api/v1/me', payload: { phone: '13655556666' } })
    await first.request({ method: 'POST', url: '/api/v1/me/veteran', payload: liZhiqiang })
    const deleted = await first.request({ method: 'DELETE', url: '/api/v1/me' })
    expect(deleted.statusCode).toBe(204)
    expect((await first.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    const refresh = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken }
    })
    expect(refresh.statusCode).toBe(401)

    // Signing in again with the same WeChat identity starts a fresh, empty account.
    const fresh = await signInWechat(app, 'leaving')
    expect(fresh.user.id).not.toBe(first.user.id)
    expect(fresh.user).toMatchObject({ role: 'resident', familyOf: [] })
    expect(fresh.user.phoneMasked).toBeUndefined()
    const rebind = await fresh.request({ method: 'POST', url: '/api/v1/me/veteran', payload: liZhiqiang })
    expect(rebind.statusCode).toBe(200)
  })

  it('is for WeChat accounts: staff get 403, nobody gets in without a token', async () => {
    expect(
      (await (await signInStaff(app, 'xijiang')).request({ method: 'DELETE', url: '/api/v1/me' })).statusCode
    ).toBe(403)
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(401)
  })
})

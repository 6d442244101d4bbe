import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat } from '../src/testing/index'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('smoke', () => {
  it('answers health and signs people in', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    const laowang = await signInWechat(app, 'laowang')
    expect(laowang.user.role).toBe('veteran')
    const admin = await signInStaff(app, 'admin')
    expect(admin.user.role).toBe('admin')
    const me = await laowang.request({ method: 'GET', url: '/api/v1/me' })
    expect(me.statusCode).toBe(200)
    console.log(me.body)
  })
})

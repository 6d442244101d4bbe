import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInWechat } from '../src/testing/index'

// Found by the OpenAPI fuzzer (tests/security): Fastify's router answered these in a body of its own, before any
// route or error handler ran.
describe('a URL the router cannot take', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ SEED: 'none' })
  })
  afterAll(async () => app.close())

  it.for([
    ['broken percent-encoding', '/api/v1/bookings/%E4%B8'],
    ['a lone percent sign', '/api/v1/threads/%/messages'],
    ['encoded bytes that are not UTF-8', '/api/v1/policies/%ED%A0%80'],
    ['a path parameter over 100 characters', `/api/v1/policies/${'a'.repeat(101)}`]
  ])('answers %s with the contract’s 400 VALIDATION_FAILED', async ([, url]) => {
    const response = await app.inject({ method: 'GET', url })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'url' }] } })
  })

  it('still answers a good URL, signed in or not', async () => {
    expect((await app.inject('/api/v1/policies/unknown-id')).statusCode).toBe(404)
    const session = await signInWechat(app, 'router')
    expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
  })
})

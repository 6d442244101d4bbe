import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { eq } from 'drizzle-orm'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { familyInvites } from '../src/db/schema/index'

let app: FastifyInstance
let veteran: Session
beforeAll(async () => {
  app = await buildTestApp()
  veteran = await signInWechat(app, 'laowang')
})
afterAll(() => app.close())

const invite = async (session: Session) => session.request({ method: 'POST', url: '/api/v1/me/family-invites' })
const link = (session: Session, payload: object) =>
  session.request({ method: 'POST', url: '/api/v1/me/family-links', payload })

describe('family invites and links', () => {
  it('lets a veteran invite a family member, who becomes family and sees the veteran', async () => {
    const created = await invite(veteran)
    expect(created.statusCode).toBe(201)
    const { code, expiresAt } = created.json()
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000
    expect(hours).toBeGreaterThan(71.9)
    expect(hours).toBeLessThanOrEqual(72)

    const spouse = await signInWechat(app, 'spouse')
    const linked = await link(spouse, { code: code.toLowerCase(), relation: 'spouse' })
    expect(linked.statusCode).toBe(201)
    expect(linked.json()).toMatchObject({ veteranId: veteran.user.veteran!.id, relation: 'spouse' })
    const me = (await spouse.request({ method: 'GET', url: '/api/v1/me' })).json()
    expect(me).toMatchObject({ role: 'family', familyOf: [{ veteranNameMasked: '王*国', relation: 'spouse' }] })

    const family = (await veteran.request({ method: 'GET', url: '/api/v1/me/family' })).json()
    expect(family.items.map((m: { displayName: string }) => m.displayName)).toEqual(
      expect.arrayContaining(['王小梅', 'spouse'])
    )
  })

  it('uses a code once: a second person gets 404 INVITE_INVALID', async () => {
    const { code } = (await invite(veteran)).json()
    expect((await link(await signInWechat(app, 'first'), { code, relation: 'child' })).statusCode).toBe(201)
    const second = await link(await signInWechat(app, 'second'), { code, relation: 'child' })
    expect(second.statusCode).toBe(404)
    expect(second.json().error.code).toBe('INVITE_INVALID')
  })

  it('lets exactly one of many people redeem one code at the same moment', async () => {
    const { code } = (await invite(veteran)).json()
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => signInWechat(app, `rush${i}`)))
    const results = await Promise.all(people.map((p) => link(p, { code, relation: 'other' })))
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
  })

  it('refuses unknown and expired codes with 404 INVITE_INVALID', async () => {
    const { code } = (await invite(veteran)).json()
    await app.db
      .update(familyInvites)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(familyInvites.veteranId, veteran.user.veteran!.id))
    const someone = await signInWechat(app, 'late')
    expect((await link(someone, { code, relation: 'child' })).json().error.code).toBe('INVITE_INVALID')
    expect((await link(someone, { code: 'ZZZZZZZZ', relation: 'child' })).json().error.code).toBe('INVITE_INVALID')
  })

  it('only lets veterans create invites (403) and validates the link body (400)', async () => {
    const resident = await signInWechat(app, 'zhangmin')
    expect((await invite(resident)).statusCode).toBe(403)
    expect((await invite(await signInStaff(app, 'donghu'))).statusCode).toBe(403)
    const bad = await link(resident, { code: 'ABCDEFGH', relation: 'cousin' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.fields[0].path).toBe('body.relation')
    expect((await app.inject({ method: 'POST', url: '/api/v1/me/family-links', payload: {} })).statusCode).toBe(401)
  })

  it('lets the veteran or the family member remove a link, and nobody else (404)', async () => {
    const { code } = (await invite(veteran)).json()
    const cousin = await signInWechat(app, 'cousin')
    const { linkId } = (await link(cousin, { code, relation: 'other' })).json()
    const stranger = await signInWechat(app, 'stranger')
    expect((await stranger.request({ method: 'DELETE', url: `/api/v1/me/family/${linkId}` })).statusCode).toBe(404)
    expect((await veteran.request({ method: 'DELETE', url: `/api/v1/me/family/${linkId}` })).statusCode).toBe(204)
    expect((await cousin.request({ method: 'GET', url: '/api/v1/me' })).json()).toMatchObject({
      role: 'resident',
      familyOf: []
    })
    expect((await veteran.request({ method: 'DELETE', url: `/api/v1/me/family/${linkId}` })).statusCode).toBe(404)

    const again = (await invite(veteran)).json()
    const { linkId: secondLink } = (await link(cousin, { code: again.code, relation: 'other' })).json()
    expect((await cousin.request({ method: 'DELETE', url: `/api/v1/me/family/${secondLink}` })).statusCode).toBe(204)
  })

  it('lists family only for veterans', async () => {
    expect(
      (await (await signInWechat(app, 'xiaowang')).request({ method: 'GET', url: '/api/v1/me/family' })).statusCode
    ).toBe(403)
  })
})

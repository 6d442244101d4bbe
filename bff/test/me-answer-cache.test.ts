import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildTestApp, DEMO_VETERANS, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { clientOf } from '../src/db/client'

// GET /me answers are kept between requests (me/service.ts) and must still change at once, whatever writes what
// they are read from: a route, plain SQL on the app's connection, or another connection to the same file.

let app: FastifyInstance
let dir: string
let file: string
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'me-cache-'))
  file = path.join(dir, 'app.db')
  app = await buildTestApp({ DATABASE_URL: `file:${file}` })
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

const me = async (who: Session) => {
  const response = await who.request({ method: 'GET', url: '/api/v1/me' })
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}
const sql = (text: string, ...params: unknown[]) =>
  clientOf(app.db)
    .prepare(text)
    .run(...params)

it('shows a change of the account, the registry record or the center at the next request', async () => {
  const laowang = await signInWechat(app, 'laowang')
  const before = await me(laowang)
  expect(before.veteran).toMatchObject({ name: DEMO_VETERANS.wangJianguo.name, category: expect.any(String) })
  expect(await me(laowang)).toEqual(before)

  sql('UPDATE users SET display_name = ? WHERE id = ?', '老王改名', before.id)
  expect((await me(laowang)).displayName).toBe('老王改名')
  sql('UPDATE veterans SET category = ? WHERE id = ?', 'other', before.veteran.id)
  expect((await me(laowang)).veteran.category).toBe('other')

  const donghu = await signInStaff(app, 'donghu')
  const staff = await me(donghu)
  sql('UPDATE centers SET name = ? WHERE id = ?', '东湖区服务中心（新址）', staff.center.id)
  expect((await me(donghu)).center.name).toBe('东湖区服务中心（新址）')
})

it('shows a family link made by the route, and one removed by another connection, at the next request', async () => {
  const laowang = await signInWechat(app, 'laowang')
  const family = await signInWechat(app, 'cache-family')
  expect(await me(family)).toMatchObject({ role: 'resident', familyOf: [] })
  const invite = await laowang.request({ method: 'POST', url: '/api/v1/me/family-invites' })
  expect(invite.statusCode, invite.body).toBe(201)
  const linked = await family.request({
    method: 'POST',
    url: '/api/v1/me/family-links',
    payload: { code: invite.json().code, relation: 'child' }
  })
  expect(linked.statusCode, linked.body).toBe(201)
  const { id } = await me(family)
  expect(await me(family)).toMatchObject({ role: 'family', familyOf: [{ relation: 'child' }] })

  const other = new Database(file)
  try {
    other.prepare('UPDATE family_links SET removed_at = ? WHERE user_id = ?').run(new Date().toISOString(), id)
  } finally {
    other.close()
  }
  expect((await me(family)).familyOf).toEqual([])
})

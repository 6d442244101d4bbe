import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { createVeterans } from './booking-helpers'
import { approvedCityWide, draft, newKey, noticeIdsSeen, send, staffView, untilSent } from './notices-helpers'

// Sending: idempotent under concurrent retries, exactly one fan-out whatever the concurrency, and a fan-out cut
// short by a restart goes on from where it was, with nobody left out and nobody served twice.

describe('sending under concurrency', () => {
  let app: FastifyInstance
  let admin: Session
  let city: Session
  let donghu: Session

  beforeAll(async () => {
    app = await buildTestApp()
    ;[admin, city, donghu] = await Promise.all([
      signInStaff(app, 'admin'),
      signInStaff(app, 'city'),
      signInStaff(app, 'donghu')
    ])
  })
  afterAll(() => app.close())

  it('answers 20 retries with one key identically, after one fan-out', async () => {
    const id = await draft(donghu)
    const key = newKey()
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(donghu, id, key)))
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)).size).toBe(1)
    expect(answers[0]!.statusCode).toBe(200)
    expect(answers[0]!.json()).toEqual({ recipientCount: 2, status: 'sending' })
    const sent = await untilSent(donghu, id)
    expect(sent.stats).toMatchObject({ recipients: 2, delivered: { inbox: 2 } })
    // The same key later still gets the first answer; with another notice it is another request (422).
    const later = await send(donghu, id, key)
    expect(later.statusCode).toBe(200)
    expect(later.body).toBe(answers[0]!.body)
    const audit = await admin.request({ method: 'GET', url: '/api/v1/admin/audit?action=notice.send&limit=100' })
    expect(audit.json().items.filter((e: { entityId: string }) => e.entityId === id)).toHaveLength(1)
  })

  it('lets one of many sends with different keys through; the others are 409', async () => {
    const id = await approvedCityWide(city, admin)
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(city, id)))
    const statuses = answers.map((a) => a.statusCode).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    for (const a of answers.filter((a) => a.statusCode === 409)) expect(a.json().error.code).toBe('INVALID_STATE')
    const sent = await untilSent(city, id)
    expect(sent.stats.delivered.inbox).toBe(sent.stats.recipients)
    expect((await send(city, id)).statusCode).toBe(409)
  })
})

describe('a restart during the fan-out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'notices-restart-'))
  const env = { DATABASE_URL: `file:${path.join(dir, 'notices.db')}` }
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('resumes from the cursor: every recipient gets the notice exactly once', async () => {
    let app = await buildTestApp(env)
    const registrar = await signInStaff(app, 'linhe')
    const veterans = await createVeterans(app, registrar, 'restart', 30)
    const id = await draft(registrar, { title: '重启测试' })
    expect(
      (await registrar.request({ method: 'GET', url: `/api/v1/staff/notices/${id}/audience-preview` })).json().count
    ).toBe(30)
    await app.close()

    // As if the process died after the first batches: 'sending', the count fixed, 10 people served, cursor at the 10th.
    const { default: Database } = await import('better-sqlite3')
    const sqlite = new Database(path.join(dir, 'notices.db'))
    const ids = veterans.map((v) => v.veteranId)
    const userIds = (
      sqlite
        .prepare(`SELECT id FROM users WHERE veteran_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
        .all(JSON.stringify(ids)) as { id: string }[]
    ).map((r) => r.id)
    const now = new Date().toISOString()
    sqlite.transaction(() => {
      sqlite
        .prepare(
          "UPDATE notices SET status = 'sending', recipient_count = 30, sent_at = ?, fanout_cursor = ? WHERE id = ?"
        )
        .run(now, userIds[9], id)
      const insert = sqlite.prepare('INSERT INTO notice_recipients (user_id, notice_id, delivered_at) VALUES (?, ?, ?)')
      for (const userId of userIds.slice(0, 10)) insert.run(userId, id, now)
    })()
    sqlite.close()

    app = await buildTestApp(env)
    const staff = await signInStaff(app, 'linhe')
    const sent = await untilSent(staff, id)
    expect(sent.stats).toMatchObject({ recipients: 30, delivered: { inbox: 30 } })
    const someone = await signInWechat(app, 'restart-17')
    expect(await noticeIdsSeen(someone)).toContain(id)
    expect((await staffView(staff, id)).status).toBe('sent')
    await app.close()
  })
})

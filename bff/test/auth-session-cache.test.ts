import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildTestApp, signInWechat } from '../src/testing/index'
import { clientOf } from '../src/db/client'

// Sessions are cached between requests (modules/auth/repo.ts) and must still end at once, whatever writes them:
// a route, plain SQL on the app's connection, or another connection to the same file.

/** The session and person an access token names. */
const claimsOf = (accessToken: string) => {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as {
    sid: string
    sub: string
  }
  return { sessionId: claims.sid, userId: claims.sub }
}

const me = (app: FastifyInstance, accessToken: string) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${accessToken}` } })

describe('the session cache', () => {
  let app: FastifyInstance
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'session-cache-'))
    app = await buildTestApp({ SEED: 'none', DATABASE_URL: `file:${path.join(dir, 'app.db')}` })
  })
  afterAll(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a session revoked by plain SQL on the app’s connection at the next request', async () => {
    const session = await signInWechat(app, 'cached-1')
    expect((await me(app, session.accessToken)).statusCode).toBe(200)
    expect((await me(app, session.accessToken)).statusCode).toBe(200)
    clientOf(app.db)
      .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?')
      .run(new Date().toISOString(), claimsOf(session.accessToken).sessionId)
    expect((await me(app, session.accessToken)).statusCode).toBe(401)
  })

  it('refuses a session of an account deleted by plain SQL at the next request', async () => {
    const session = await signInWechat(app, 'cached-2')
    expect((await me(app, session.accessToken)).statusCode).toBe(200)
    clientOf(app.db)
      .prepare("UPDATE users SET status = 'deleted' WHERE id = ?")
      .run(claimsOf(session.accessToken).userId)
    expect((await me(app, session.accessToken)).statusCode).toBe(401)
  })

  it('refuses a session revoked by another connection to the same database at the next request', async () => {
    const session = await signInWechat(app, 'cached-3')
    expect((await me(app, session.accessToken)).statusCode).toBe(200)
    const other = new Database(path.join(dir, 'app.db'))
    try {
      other
        .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?')
        .run(new Date().toISOString(), claimsOf(session.accessToken).sessionId)
    } finally {
      other.close()
    }
    expect((await me(app, session.accessToken)).statusCode).toBe(401)
  })

  it('refuses a deleted session at the next request', async () => {
    const session = await signInWechat(app, 'cached-4')
    expect((await me(app, session.accessToken)).statusCode).toBe(200)
    clientOf(app.db)
      .prepare('DELETE FROM refresh_tokens WHERE session_id = ?')
      .run(claimsOf(session.accessToken).sessionId)
    clientOf(app.db).prepare('DELETE FROM sessions WHERE id = ?').run(claimsOf(session.accessToken).sessionId)
    expect((await me(app, session.accessToken)).statusCode).toBe(401)
  })
})

import { and, eq, isNull } from 'drizzle-orm'
import type { CenterLevel, Role } from '@veterans/shared'
import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query, rowsChanged } from '../../db/query'
import { tableCache } from '../../db/table-cache'
import { refreshTokens, sessions, users } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import type { Principal } from '../../lib/principal'
import { insertNotifications } from '../notifications/service'
import { securityNotices } from './security-notices'

/**
 * Every authenticated request runs this lookup, so it is plain SQL prepared once per database: building and
 * preparing the query on each request cost several times more than running it.
 */
interface SessionPrincipalRow {
  userId: string
  role: Role
  displayName: string
  status: (typeof users.$inferSelect)['status']
  veteranId: string | null
  sessionUser: string
  revokedAt: string | null
  expiresAt: string
  centerId: string | null
  centerLevel: CenterLevel | null
  centerDistrict: string | null
  /** 0/1 on SQLite, false/true on PostgreSQL. */
  mustChangePassword: 0 | 1 | boolean
}
const PRINCIPAL_SQL = `SELECT u.id AS userId, u.role, u.display_name AS displayName, u.status, u.veteran_id AS veteranId,
              s.user_id AS sessionUser, s.revoked_at AS revokedAt, s.expires_at AS expiresAt,
              c.id AS centerId, c.level AS centerLevel, c.district_code AS centerDistrict,
              u.must_change_password AS mustChangePassword
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN centers c ON c.id = u.center_id
        WHERE s.id = ?`

/**
 * Looked-up sessions, kept while nothing they are read from (sessions, users, centers) may have changed, so a
 * cached answer is never older than the last write that could change it (a logout, a role change, a revoked login).
 */
const sessionRows = tableCache<SessionPrincipalRow | undefined>('principal', ['sessions', 'users', 'centers'], 10_000)

function sessionRow(db: Db, sessionId: string) {
  return sessionRows.get(db, sessionId, () => query<SessionPrincipalRow>(db, PRINCIPAL_SQL).get(sessionId))
}

export async function findSessionPrincipal(db: Db, sessionId: string, userId: string): Promise<Principal | null> {
  const row = await sessionRow(db, sessionId)
  if (!row || row.sessionUser !== userId || row.revokedAt || row.status !== 'active') return null
  if (row.expiresAt < new Date().toISOString()) return null
  return {
    userId: row.userId,
    sessionId,
    role: row.role,
    displayName: row.displayName,
    veteranId: row.veteranId,
    center:
      row.centerId && row.centerLevel && row.centerDistrict
        ? { id: row.centerId, level: row.centerLevel, districtCode: row.centerDistrict }
        : null,
    ...(row.mustChangePassword ? { mustChangePassword: true } : {})
  }
}

/** The WeChat account of an openid, created on first sign-in as a resident. */
export async function findOrCreateWechatUser(db: Db, openid: string, displayName: string) {
  return groupCommit(db, async (tx) => {
    const [existing] = await tx
      .select()
      .from(users)
      .where(and(eq(users.openid, openid), eq(users.status, 'active')))
      .limit(1)
    if (existing) return existing
    const now = new Date().toISOString()
    const user = {
      id: newId(),
      kind: 'wechat' as const,
      role: 'resident' as const,
      openid,
      displayName,
      createdAt: now,
      updatedAt: now
    }
    await tx.insert(users).values(user)
    const [created] = await tx.select().from(users).where(eq(users.id, user.id)).limit(1)
    return created!
  })
}

export async function findStaffByUsername(db: Db, username: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.username, username), eq(users.kind, 'staff'), eq(users.status, 'active')))
    .limit(1)
  return user ?? null
}

/** Starts a login with its first refresh token. */
export async function createSession(db: Db, userId: string, refreshTokenHash: string, expiresAt: string) {
  const now = new Date().toISOString()
  const sessionId = newId()
  await groupCommit(db, async (tx) => {
    await tx.insert(sessions).values({ id: sessionId, userId, createdAt: now, lastUsedAt: now, expiresAt })
    await tx.insert(refreshTokens).values({ tokenHash: refreshTokenHash, sessionId, createdAt: now, expiresAt })
  })
  return sessionId
}

export type RotationResult =
  { kind: 'rotated'; userId: string; sessionId: string } | { kind: 'reused'; sessionId: string } | { kind: 'invalid' }

/**
 * Swaps a refresh token for a new one in one transaction. The conditional UPDATE lets exactly one of several
 * concurrent presentations win; presenting a token that was already rotated revokes the whole login.
 */
export async function rotateRefreshToken(
  db: Db,
  oldHash: string,
  newHash: string,
  expiresAt: string
): Promise<RotationResult> {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx): Promise<RotationResult> => {
    const [token] = await tx
      .select({
        sessionId: refreshTokens.sessionId,
        rotatedAt: refreshTokens.rotatedAt,
        expiresAt: refreshTokens.expiresAt
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, oldHash))
      .limit(1)
    if (!token) return { kind: 'invalid' }
    const [session] = await tx.select().from(sessions).where(eq(sessions.id, token.sessionId)).limit(1)
    if (!session || session.revokedAt || token.expiresAt < now) return { kind: 'invalid' }
    const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, session.userId)).limit(1)
    if (!user || user.status !== 'active') return { kind: 'invalid' }
    const claimed = rowsChanged(
      await tx
        .update(refreshTokens)
        .set({ rotatedAt: now })
        .where(and(eq(refreshTokens.tokenHash, oldHash), isNull(refreshTokens.rotatedAt)))
    )
    if (claimed !== 1) {
      await revokeSessionIn(tx, session.id, 'refresh_token_reused', now)
      // The owner is told in the same transaction: someone may hold a copy of their login.
      await insertNotifications(tx, [securityNotices.loginRevoked(session.userId, now)], now)
      return { kind: 'reused', sessionId: session.id }
    }
    await tx.insert(refreshTokens).values({ tokenHash: newHash, sessionId: session.id, createdAt: now, expiresAt })
    // A login lives as long as its newest refresh token: in use, it does not end 30 days after sign-in.
    await tx.update(sessions).set({ lastUsedAt: now, expiresAt }).where(eq(sessions.id, session.id))
    return { kind: 'rotated', userId: session.userId, sessionId: session.id }
  })
}

async function revokeSessionIn(tx: Conn, sessionId: string, reason: string, now: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
}

/**
 * Ends the login a refresh token belongs to (logout) and answers its id. Unknown tokens are ignored (null):
 * logout always succeeds.
 */
export async function revokeSessionByRefreshToken(db: Db, tokenHash: string): Promise<string | null> {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx) => {
    const [token] = await tx
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .limit(1)
    if (token) await revokeSessionIn(tx, token.sessionId, 'logout', now)
    return token?.sessionId ?? null
  })
}

/** Ends every login of an account (account deletion, a staff account switched off), in the caller's transaction. */
export async function revokeAllSessionsIn(tx: Conn, userId: string, reason: string, now: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
}

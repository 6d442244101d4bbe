import { hash } from 'node:crypto'
import type { Me, TokenPair } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError } from '../../lib/app-error'
import { newToken } from '../../lib/ids'
import { verifyPassword } from '../../lib/passwords'
import { beginAttempt, clearFailedAttempts } from '../platform/attempts-repo'
import { recordAudit } from '../platform/audit-repo'
import * as repo from './repo'
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_DAYS, type createAccessTokens } from './tokens'
import type { WechatClient } from './wechat-client'

export interface AuthCtx extends Ctx {
  accessTokens: ReturnType<typeof createAccessTokens>
  wechat: WechatClient
}

/**
 * The signed-in person as a token pair shows them (`user`). It is the me capability's getMe, handed to the auth
 * routes by app.ts, so that auth, which me builds on, does not depend on me.
 */
export type DescribeUser = (ctx: Ctx, userId: string) => Promise<Me>

/** Told when a login ends here (logout, a reused refresh token), e.g. to close its sockets at once. */
export type SessionEnded = (sessionId: string) => void

const STAFF_SCOPE = 'staff_sign_in'
const STAFF_MAX_FAILURES = 5
const STAFF_WINDOW_MS = 15 * 60 * 1000

function hashRefreshToken(token: string): string {
  return hash('sha256', token, 'base64url')
}

function refreshExpiry(): string {
  return new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString()
}

async function startSession(ctx: AuthCtx, userId: string, describeUser: DescribeUser): Promise<TokenPair> {
  const refreshToken = newToken()
  const sessionId = await repo.createSession(ctx.db, userId, hashRefreshToken(refreshToken), refreshExpiry())
  return {
    accessToken: ctx.accessTokens.sign({ sub: userId, sid: sessionId }),
    refreshToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: await describeUser(ctx, userId)
  }
}

export async function signInWithWechat(ctx: AuthCtx, code: string, describeUser: DescribeUser): Promise<TokenPair> {
  const { openid } = await ctx.wechat.codeToSession(code)
  const devName = openid.startsWith('dev-') && ctx.config.wechat.mode === 'dev' ? openid.slice(4) : null
  const user = await repo.findOrCreateWechatUser(ctx.db, openid, devName ?? '微信用户')
  return startSession(ctx, user.id, describeUser)
}

/**
 * Staff sign-in. Unknown user and wrong password get the same answer in about the same time; five failures for
 * one username within 15 minutes lock it until the oldest leaves the window.
 */
export async function signInStaff(
  ctx: AuthCtx,
  username: string,
  password: string,
  describeUser: DescribeUser
): Promise<TokenPair> {
  const subject = username.trim().toLowerCase()
  const attempt = await beginAttempt(ctx.db, STAFF_SCOPE, subject, STAFF_WINDOW_MS, STAFF_MAX_FAILURES)
  if ('retryAfterSeconds' in attempt) {
    const { retryAfterSeconds } = attempt
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      { retryAfterSeconds },
      `尝试次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`
    )
  }
  const user = await repo.findStaffByUsername(ctx.db, subject)
  const ok = await verifyPassword(user?.passwordHash ?? null, password)
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS')
  await clearFailedAttempts(ctx.db, STAFF_SCOPE, subject)
  await recordAudit(ctx.db, {
    actorId: user.id,
    actorRole: user.role,
    action: 'auth.staff_sign_in',
    entity: 'user',
    entityId: user.id
  })
  return startSession(ctx, user.id, describeUser)
}

export async function refreshTokens(
  ctx: AuthCtx,
  refreshToken: string,
  describeUser: DescribeUser,
  sessionEnded?: SessionEnded
): Promise<TokenPair> {
  const next = newToken()
  const result = await repo.rotateRefreshToken(
    ctx.db,
    hashRefreshToken(refreshToken),
    hashRefreshToken(next),
    refreshExpiry()
  )
  if (result.kind === 'reused') {
    ctx.log.warn('refresh token presented twice: login revoked')
    sessionEnded?.(result.sessionId)
    throw new AppError('REFRESH_TOKEN_REUSED')
  }
  if (result.kind === 'invalid') throw new AppError('UNAUTHENTICATED')
  return {
    accessToken: ctx.accessTokens.sign({ sub: result.userId, sid: result.sessionId }),
    refreshToken: next,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: await describeUser(ctx, result.userId)
  }
}

/** The id of an active staff account, or null (demo data names the staff who wrote something by username). */
export async function staffAccountId(ctx: Ctx, username: string): Promise<string | null> {
  return (await repo.findStaffByUsername(ctx.db, username))?.id ?? null
}

export async function logout(ctx: AuthCtx, refreshToken: string, sessionEnded?: SessionEnded) {
  const sessionId = await repo.revokeSessionByRefreshToken(ctx.db, hashRefreshToken(refreshToken))
  if (sessionId) sessionEnded?.(sessionId)
}

import type { ChangePasswordBody } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { hashPassword, verifyPassword } from '../../lib/passwords'
import type { Principal } from '../../lib/principal'
import { findPasswordHash, replacePassword } from './password-repo'

/** Told which logins a password change ended, so their sockets close too (app.ts: realtime). */
export type LoginsEnded = (sessionIds: string[]) => void

/** A staff member chooses a new password: the current one checked, the new one different from it. */
export async function changePassword(
  ctx: Ctx,
  principal: Principal,
  body: ChangePasswordBody,
  loginsEnded?: LoginsEnded
): Promise<void> {
  const currentHash = await findPasswordHash(ctx.db, principal.userId)
  if (!(await verifyPassword(currentHash, body.currentPassword))) throw new AppError('INVALID_CREDENTIALS')
  if (body.newPassword === body.currentPassword) {
    throw fieldError('body.newPassword', '新密码不能与当前密码相同')
  }
  const ended = await replacePassword(
    ctx.db,
    principal.userId,
    principal.sessionId,
    await hashPassword(body.newPassword),
    {
      actorId: principal.userId,
      actorRole: principal.role,
      action: 'me.change_password',
      entity: 'user',
      entityId: principal.userId
    }
  )
  if (ended.length > 0) loginsEnded?.(ended)
}

import type { ResetPasswordBody, StaffAccount, StaffAccountPage, UpdateStaffBody } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { decodeCursor, toPage } from '../../lib/pagination'
import { hashPassword } from '../../lib/passwords'
import type { Principal } from '../../lib/principal'
import { findCenter } from '../reference/service'
import * as repo from './staff-repo'

/** Told which accounts' logins ended, so their open sockets close at once too (app.ts: realtime). */
export type SessionsEnded = (userIds: string[]) => void

function account(row: repo.StaffRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    centerId: row.centerId,
    centerName: row.centerName,
    disabled: row.status === 'disabled',
    mustChangePassword: Boolean(row.mustChangePassword),
    createdAt: row.createdAt
  }
}

export async function listStaff(ctx: Ctx, query: { limit?: number; cursor?: string }): Promise<StaffAccountPage> {
  const limit = query.limit ?? 50
  const rows = await repo.listStaff(ctx.db, decodeCursor(query.cursor), limit)
  const page = toPage(rows, limit, (r) => r.id)
  return { items: page.items.map(account), nextCursor: page.nextCursor }
}

export async function updateStaff(
  ctx: Ctx,
  principal: Principal,
  id: string,
  body: UpdateStaffBody,
  sessionsEnded: SessionsEnded
): Promise<StaffAccount> {
  if (body.centerId && !(await findCenter(ctx.db, body.centerId))) throw fieldError('body.centerId', '没有这个服务中心')
  const changes: repo.StaffChanges = {
    ...(body.displayName !== undefined ? { displayName: body.displayName.trim() } : {}),
    ...(body.role !== undefined ? { role: body.role } : {}),
    ...(body.centerId !== undefined ? { centerId: body.centerId } : {}),
    ...(body.disabled !== undefined ? { disabled: body.disabled } : {})
  }
  const result = await repo.updateStaff(ctx.db, id, changes, (before) => ({
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'admin.update_staff',
    entity: 'user',
    entityId: id,
    detail: {
      before: {
        displayName: before.displayName,
        role: before.role,
        centerId: before.centerId,
        disabled: before.status === 'disabled'
      },
      changes
    }
  }))
  if (!result) throw new AppError('NOT_FOUND')
  if (result.sessionsEnded) sessionsEnded([id])
  return account(result.row)
}

export async function resetPassword(
  ctx: Ctx,
  principal: Principal,
  id: string,
  body: ResetPasswordBody,
  sessionsEnded: SessionsEnded
): Promise<void> {
  const passwordHash = await hashPassword(body.password)
  const done = await repo.resetStaffPassword(ctx.db, id, passwordHash, {
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'admin.reset_password',
    entity: 'user',
    entityId: id
  })
  if (!done) throw new AppError('NOT_FOUND')
  sessionsEnded([id])
}

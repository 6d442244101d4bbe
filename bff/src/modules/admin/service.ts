import type { CreateStaffBody, StaffAccount } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { hashPassword } from '../../lib/passwords'
import type { Principal } from '../../lib/principal'
import { findCenter } from '../reference/service'
import * as repo from './repo'

export async function createStaff(ctx: Ctx, principal: Principal, body: CreateStaffBody): Promise<StaffAccount> {
  if (body.role === 'staff' && !body.centerId) {
    throw fieldError('body.centerId', '工作人员必须指定所属服务中心')
  }
  if (body.centerId && !(await findCenter(ctx.db, body.centerId))) {
    throw fieldError('body.centerId', '没有这个服务中心')
  }
  const id = newId()
  const username = body.username.toLowerCase()
  const row = await repo.insertStaff(
    ctx.db,
    {
      id,
      username,
      passwordHash: await hashPassword(body.password),
      displayName: body.displayName.trim(),
      role: body.role,
      centerId: body.centerId ?? null
    },
    {
      actorId: principal.userId,
      actorRole: principal.role,
      action: 'admin.create_staff',
      entity: 'user',
      entityId: id,
      detail: { username, role: body.role, centerId: body.centerId ?? null }
    }
  )
  if (!row) throw new AppError('USERNAME_TAKEN', { fields: [{ path: 'body.username', message: '用户名已被使用' }] })
  return {
    id: row.id,
    username,
    displayName: row.displayName,
    role: body.role,
    centerId: row.centerId,
    createdAt: row.createdAt
  }
}

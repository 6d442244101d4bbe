import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { AppError } from '../../lib/app-error'
import { revokeAllSessionsIn } from '../auth/repo'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'

// Staff accounts as admins manage them. Changes that could leave the city without an admin are decided inside
// one write transaction (group commit runs each write alone), so two admins switching each other off at once
// cannot both succeed.

export interface StaffRow {
  id: string
  username: string
  displayName: string
  role: 'staff' | 'admin'
  centerId: string | null
  centerName: string | null
  status: 'active' | 'disabled'
  /** 0/1 on SQLite, a boolean on PostgreSQL. */
  mustChangePassword: 0 | 1 | boolean
  createdAt: string
}

const STAFF_COLUMNS = `u.id, u.username, u.display_name AS displayName, u.role, u.center_id AS centerId,
  c.name AS centerName, u.status, u.must_change_password AS mustChangePassword, u.created_at AS createdAt
  FROM users u LEFT JOIN centers c ON c.id = u.center_id`
const STAFF_PAGE = `SELECT ${STAFF_COLUMNS}
  WHERE u.kind = 'staff' AND u.status != 'deleted' AND u.id > ? ORDER BY u.id LIMIT ?`
const STAFF_BY_ID = `SELECT ${STAFF_COLUMNS} WHERE u.id = ? AND u.kind = 'staff' AND u.status != 'deleted'`
const OTHER_ACTIVE_ADMINS = `SELECT count(*) FROM users
  WHERE kind = 'staff' AND role = 'admin' AND status = 'active' AND id != ?`

/** Staff accounts in the order they were created (ids sort by time), from after `afterId`; limit+1 rows. */
export async function listStaff(db: Db, afterId: string | null, limit: number): Promise<StaffRow[]> {
  return query<StaffRow>(db, STAFF_PAGE).all(afterId ?? '', limit + 1)
}

export async function findStaff(db: Db | Conn, id: string): Promise<StaffRow | null> {
  return (await query<StaffRow>(db, STAFF_BY_ID).get(id)) ?? null
}

export interface StaffChanges {
  displayName?: string
  role?: 'staff' | 'admin'
  centerId?: string | null
  disabled?: boolean
}

export type StaffUpdate = { row: StaffRow; sessionsEnded: boolean } | null

/**
 * Applies an admin's changes to a staff account with its audit entry. Null: no such account. Throws LAST_ADMIN
 * when the last active admin would be switched off or made staff, and VALIDATION_FAILED when the account would
 * end up as staff without a center. Switching off or moving an account (role, center) ends its logins.
 */
export async function updateStaff(
  db: Db,
  id: string,
  changes: StaffChanges,
  audit: (before: StaffRow) => AuditEntryInput
): Promise<StaffUpdate> {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx): Promise<StaffUpdate> => {
    const before = await findStaff(tx, id)
    if (!before) return null
    const role = changes.role ?? before.role
    const centerId = changes.centerId !== undefined ? changes.centerId : before.centerId
    const status = changes.disabled === undefined ? before.status : changes.disabled ? 'disabled' : 'active'
    if (role === 'staff' && !centerId) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'body.centerId', message: '工作人员必须指定所属服务中心' }]
      })
    }
    const losesAdmin =
      before.role === 'admin' && before.status === 'active' && (role !== 'admin' || status !== 'active')
    if (losesAdmin && (await query(tx, OTHER_ACTIVE_ADMINS).value<number>(id)) === 0) {
      throw new AppError('LAST_ADMIN')
    }
    await query(
      tx,
      `UPDATE users SET display_name = ?, role = ?, center_id = ?, status = ?, updated_at = ? WHERE id = ?`
    ).run(changes.displayName ?? before.displayName, role, centerId, status, now, id)
    const sessionsEnded =
      (status === 'disabled' && before.status !== 'disabled') || role !== before.role || centerId !== before.centerId
    if (sessionsEnded)
      await revokeAllSessionsIn(tx, id, status === 'disabled' ? 'account_disabled' : 'account_changed', now)
    await insertAudit(tx, audit(before), now)
    return { row: (await findStaff(tx, id))!, sessionsEnded }
  })
}

/** Sets an admin-chosen password that must be changed at the next sign-in, and ends the account's logins. */
export async function resetStaffPassword(
  db: Db,
  id: string,
  passwordHash: string,
  audit: AuditEntryInput
): Promise<boolean> {
  const now = new Date().toISOString()
  return groupCommit(db, async (tx) => {
    if (!(await findStaff(tx, id))) return false
    await query(tx, 'UPDATE users SET password_hash = ?, must_change_password = 1, updated_at = ? WHERE id = ?').run(
      passwordHash,
      now,
      id
    )
    await revokeAllSessionsIn(tx, id, 'password_reset', now)
    await insertAudit(tx, audit, now)
    return true
  })
}

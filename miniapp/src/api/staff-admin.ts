import type {
  AuditEntry,
  AuditQuery,
  ChangePasswordBody,
  CreateStaffBody,
  ResetPasswordBody,
  StaffAccount,
  StaffAccountPage,
  UpdateStaffBody
} from '@veterans/shared'
import { api } from './instance'
import { downloadStaffFile } from './staff-files'

const staffPath = (id: string) => `/admin/staff/${encodeURIComponent(id)}`

export interface AuditPage {
  items: AuditEntry[]
  nextCursor: string | null
}

/** Audit filters without paging: what the CSV export takes. */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'cursor'>

/** Typed calls of the Admin part of the contract (tag "admin"): staff accounts and the audit log. */
export const staffAdminApi = {
  listStaff: (query: { limit?: number; cursor?: string } = {}) => api.get<StaffAccountPage>('/admin/staff', { query }),
  createStaff: (body: CreateStaffBody) => api.post<StaffAccount>('/admin/staff', { body }),
  updateStaff: (id: string, body: UpdateStaffBody) => api.patch<StaffAccount>(staffPath(id), { body }),
  /** Sets a temporary password; the account must choose its own at its next sign-in. */
  resetPassword: (id: string, body: ResetPasswordBody) => api.post<void>(`${staffPath(id)}/reset-password`, { body }),
  audit: (query: AuditQuery) => api.get<AuditPage>('/admin/audit', { query }),
  downloadAuditCsv: (filter: AuditFilter, fileName: string) =>
    downloadStaffFile('/admin/audit.csv', { ...filter }, fileName)
}

/** A staff member changes their own password (also the way out of "must change password"). */
export const passwordApi = {
  change: (body: ChangePasswordBody) => api.post<void>('/me/password', { body })
}

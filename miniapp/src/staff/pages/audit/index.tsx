import { AuditLog } from '../../../features/staff-admin/audit-log'
import { StaffPage } from '../../../features/staff/staff-page'

export default function AuditLogPage() {
  return <StaffPage title='操作记录'>{(me) => <AuditLog me={me} />}</StaffPage>
}

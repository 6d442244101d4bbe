import { StaffAccounts } from '../../../features/staff-admin/staff-accounts'
import { StaffPage } from '../../../features/staff/staff-page'

export default function StaffAccountsPage() {
  return <StaffPage title='人员与审计'>{(me) => <StaffAccounts me={me} />}</StaffPage>
}

import { ChangePassword } from '../../../features/staff-admin/change-password'
import { StaffPage } from '../../../features/staff/staff-page'

export default function ChangePasswordPage() {
  return <StaffPage title='修改密码'>{(me) => <ChangePassword me={me} />}</StaffPage>
}

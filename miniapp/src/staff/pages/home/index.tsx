import { StaffHome } from '../../../features/staff/staff-home'
import { StaffPage } from '../../../features/staff/staff-page'

export default function StaffHomePage() {
  return (
    <StaffPage title='工作台' place='工作台'>
      {(me) => <StaffHome me={me} />}
    </StaffPage>
  )
}

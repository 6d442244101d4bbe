import { Dashboard } from '../../../features/staff-dashboard/dashboard'
import { StaffPage } from '../../../features/staff/staff-page'

export default function DashboardPage() {
  return <StaffPage title='数据统计'>{(me) => <Dashboard me={me} />}</StaffPage>
}

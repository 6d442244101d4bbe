import { StaffNoticeList } from '../../../features/staff-notices/notice-list'
import { StaffPage } from '../../../features/staff/staff-page'

export default function StaffNoticesPage() {
  return <StaffPage title='通知推送'>{(me) => <StaffNoticeList me={me} />}</StaffPage>
}

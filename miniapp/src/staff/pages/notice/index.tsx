import { NoticeDetail } from '../../../features/staff-notices/notice-detail'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam } from '../../../shell/navigation'

export default function StaffNoticePage() {
  const id = pageParam('id') ?? ''
  return <StaffPage title='通知详情'>{(me) => <NoticeDetail key={id} id={id} me={me} />}</StaffPage>
}

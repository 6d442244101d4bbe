import { NoticeDetail } from '../../../features/staff-notices/notice-detail'
import { StaffPage } from '../../../features/staff/staff-page'
import { NoIdNotice } from '../../../features/staff/dead-end-notices'
import { pageParam } from '../../../shell/navigation'

export default function StaffNoticePage() {
  const id = pageParam('id') ?? ''
  return (
    <StaffPage title='通知详情'>
      {(me) =>
        // Without an id there is nothing to read: say so instead of 正在读取… for ever.
        id ? <NoticeDetail key={id} id={id} me={me} /> : <NoIdNotice what='一条通知' />
      }
    </StaffPage>
  )
}

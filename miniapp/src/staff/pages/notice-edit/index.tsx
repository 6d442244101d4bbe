import { NoticeComposer } from '../../../features/staff-notices/notice-composer'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam } from '../../../shell/navigation'

export default function StaffNoticeEditPage() {
  const id = pageParam('id')
  return (
    <StaffPage title={id ? '修改通知草稿' : '新建通知'}>
      {(me) => <NoticeComposer key={id ?? 'new'} id={id} me={me} />}
    </StaffPage>
  )
}

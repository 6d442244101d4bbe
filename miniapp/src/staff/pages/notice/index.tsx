import { Notice } from '../../../components'
import { NoticeDetail } from '../../../features/staff-notices/notice-detail'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam, wayOn } from '../../../shell/navigation'

export default function StaffNoticePage() {
  const id = pageParam('id') ?? ''
  return (
    <StaffPage title='通知详情'>
      {(me) =>
        // Without an id there is nothing to read: say so instead of 正在读取… for ever.
        id ? (
          <NoticeDetail key={id} id={id} me={me} />
        ) : (
          <Notice tone='error' action={wayOn()}>
            没有指明要看哪一条通知。
          </Notice>
        )
      }
    </StaffPage>
  )
}

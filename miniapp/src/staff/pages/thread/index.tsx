import { ThreadView } from '../../../features/staff-messaging/thread-view'
import { StaffPage } from '../../../features/staff/staff-page'
import { NoIdNotice } from '../../../features/staff/dead-end-notices'
import { pageParam } from '../../../shell/navigation'

export default function StaffThreadPage() {
  const id = pageParam('id') ?? ''
  return (
    <StaffPage title='咨询详情'>
      {(me) =>
        // Without an id there is nothing to read: say so instead of 正在读取… for ever.
        id ? <ThreadView me={me} threadId={id} /> : <NoIdNotice what='一条咨询' />
      }
    </StaffPage>
  )
}

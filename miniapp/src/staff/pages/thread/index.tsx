import { Notice } from '../../../components'
import { ThreadView } from '../../../features/staff-messaging/thread-view'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam, wayOn } from '../../../shell/navigation'

export default function StaffThreadPage() {
  const id = pageParam('id') ?? ''
  return (
    <StaffPage title='咨询详情'>
      {(me) =>
        // Without an id there is nothing to read: say so instead of 正在读取… for ever.
        id ? (
          <ThreadView me={me} threadId={id} />
        ) : (
          <Notice tone='error' action={wayOn()}>
            没有指明要看哪一条咨询。
          </Notice>
        )
      }
    </StaffPage>
  )
}

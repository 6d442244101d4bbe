import { ThreadView } from '../../../features/staff-messaging/thread-view'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam } from '../../../shell/navigation'

export default function StaffThreadPage() {
  const id = pageParam('id') ?? ''
  return <StaffPage title='咨询详情'>{(me) => <ThreadView me={me} threadId={id} />}</StaffPage>
}

import { Inbox } from '../../../features/staff-messaging/inbox'
import { StaffPage } from '../../../features/staff/staff-page'

export default function InboxPage() {
  return <StaffPage title='留言咨询'>{(me) => <Inbox me={me} />}</StaffPage>
}

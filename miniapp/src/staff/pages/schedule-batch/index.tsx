import { pageParam } from '../../../features/navigation'
import { BatchSchedule } from '../../../features/staff-booking/batch-schedule'
import { StaffPage } from '../../../features/staff/staff-page'

export default function ScheduleBatchPage() {
  return <StaffPage title='批量开放号源'>{(me) => <BatchSchedule me={me} centerId={pageParam('centerId')} />}</StaffPage>
}

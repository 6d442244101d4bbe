import { BatchSchedule } from '../../../features/staff-booking/batch-schedule'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam } from '../../../shell/navigation'

export default function ScheduleBatchPage() {
  return (
    <StaffPage title='批量开放号源'>{(me) => <BatchSchedule me={me} centerId={pageParam('centerId')} />}</StaffPage>
  )
}

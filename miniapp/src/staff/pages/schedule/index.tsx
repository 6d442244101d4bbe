import { StaffPage } from '../../../features/staff/staff-page'
import { Schedule } from '../../../features/staff-booking/schedule'

export default function SchedulePage() {
  return <StaffPage title='号源排班'>{(me) => <Schedule me={me} />}</StaffPage>
}

import { DayBoard } from '../../../features/staff-booking/day-board'
import { StaffPage } from '../../../features/staff/staff-page'

export default function DayBoardPage() {
  return <StaffPage title='今日预约与签到'>{(me) => <DayBoard me={me} />}</StaffPage>
}

import { StaffPage } from '../../../features/staff/staff-page'
import { VeteranList } from '../../../features/staff-registry/veteran-list'

export default function VeteransPage() {
  return <StaffPage title='退役军人信息'>{(me) => <VeteranList me={me} />}</StaffPage>
}

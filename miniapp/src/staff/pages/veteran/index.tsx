import { StaffPage } from '../../../features/staff/staff-page'
import { VeteranDetailView } from '../../../features/staff-registry/veteran-detail'
import { pageParam } from '../../../shell/navigation'

export default function VeteranPage() {
  const id = pageParam('id') ?? ''
  return <StaffPage title='退役军人详情'>{() => <VeteranDetailView key={id} id={id} />}</StaffPage>
}

import { StaffPage } from '../../../features/staff/staff-page'
import { VeteranFormView } from '../../../features/staff-registry/veteran-form'
import { pageParam } from '../../../shell/navigation'

export default function VeteranEditPage() {
  const id = pageParam('id')
  return (
    <StaffPage title={id ? '编辑退役军人信息' : '登记退役军人'}>
      {(me) => <VeteranFormView key={id ?? 'new'} me={me} id={id} />}
    </StaffPage>
  )
}

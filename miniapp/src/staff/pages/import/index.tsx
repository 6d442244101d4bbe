import { StaffPage } from '../../../features/staff/staff-page'
import { ImportWizard } from '../../../features/staff-registry/import-wizard'
import { pageParam } from '../../../shell/navigation'

export default function ImportPage() {
  const job = pageParam('job')
  return <StaffPage title='导入退役军人信息'>{() => <ImportWizard jobId={job} />}</StaffPage>
}

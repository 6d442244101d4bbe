import { Page } from '../../../components'
import { pageParam } from '../../../features/navigation'
import { AskStaffView } from '../../../features/policies/ask-staff-view'

export default function AskStaffPage() {
  return (
    <Page title='咨询工作人员' back>
      <AskStaffView policyId={pageParam('policyId')} query={pageParam('q')} />
    </Page>
  )
}

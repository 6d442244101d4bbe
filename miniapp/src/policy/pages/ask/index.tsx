import { AskStaffView } from '../../../features/policies/ask-staff-view'
import { pageParam } from '../../../shell/navigation'
import { Page } from '../../../shell/page'

export default function AskStaffPage() {
  return (
    <Page title='咨询工作人员' back>
      <AskStaffView policyId={pageParam('policyId')} query={pageParam('q')} />
    </Page>
  )
}

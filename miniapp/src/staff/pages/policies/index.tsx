import { StaffPage } from '../../../features/staff/staff-page'
import { StaffPolicyList } from '../../../features/staff-policies/staff-policy-list'

export default function StaffPoliciesPage() {
  return <StaffPage title='政策发布'>{() => <StaffPolicyList />}</StaffPage>
}

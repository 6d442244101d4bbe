import { useDidShow } from '@tarojs/taro'
import { Paragraph } from '../../../components'
import { PolicyPreview } from '../../../features/staff-policies/policy-preview'
import { useStaffPolicy } from '../../../features/staff-policies/use-staff-policy'
import { WorkflowActions, WorkflowStatus } from '../../../features/staff-policies/workflow-actions'
import { StaffPage } from '../../../features/staff/staff-page'
import { LoadFailedNotice, NoIdNotice } from '../../../features/staff/dead-end-notices'
import { pageParam } from '../../../shell/navigation'
import { useSession } from '../../../shell/session/session-context'

export default function StaffPolicyPage() {
  const id = pageParam('id') ?? ''
  const { me } = useSession()
  const state = useStaffPolicy(id, me !== null)
  const policy = state.policy.data
  // Back from editing the draft: show the saved version.
  useDidShow(() => {
    if (policy && !state.deleted) void state.policy.reload()
  })
  return (
    <StaffPage title='政策审核发布'>
      {(staff) => (
        <>
          {!id && <NoIdNotice what='一份政策' />}
          {state.policy.loading && !policy && <Paragraph muted>正在读取…</Paragraph>}
          {state.policy.error && (
            <LoadFailedNotice
              error={state.policy.error}
              notFound='没有找到这份政策。'
              retry={() => void state.policy.reload()}
            />
          )}
          {policy &&
            (state.deleted ? (
              // A deleted draft: only the word that it is gone, and the way back.
              <WorkflowActions state={state} me={staff} />
            ) : (
              <>
                <WorkflowStatus policy={policy} />
                <WorkflowActions state={state} me={staff} />
                <PolicyPreview policy={policy} />
              </>
            ))}
        </>
      )}
    </StaffPage>
  )
}

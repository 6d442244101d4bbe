import { useDidShow } from '@tarojs/taro'
import { Notice, Paragraph } from '../../../components'
import { PolicyPreview } from '../../../features/staff-policies/policy-preview'
import { useStaffPolicy } from '../../../features/staff-policies/use-staff-policy'
import { WorkflowActions, WorkflowStatus } from '../../../features/staff-policies/workflow-actions'
import { StaffPage } from '../../../features/staff/staff-page'
import { pageParam, wayOn } from '../../../shell/navigation'
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
          {!id && (
            <Notice tone='error' action={wayOn()}>
              没有指明要看哪一份政策。
            </Notice>
          )}
          {state.policy.loading && !policy && <Paragraph muted>正在读取…</Paragraph>}
          {state.policy.error && (
            // Nothing else is on the page then: a way on, or another try when it was the network.
            <Notice
              tone='error'
              action={
                state.policy.error.code === 'NOT_FOUND'
                  ? wayOn()
                  : { label: '重试', onClick: () => void state.policy.reload() }
              }
            >
              {state.policy.error.code === 'NOT_FOUND' ? '没有找到这份政策。' : state.policy.error.message}
            </Notice>
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

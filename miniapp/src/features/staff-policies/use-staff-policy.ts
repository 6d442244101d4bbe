import type { StaffPolicy } from '@veterans/shared'
import { useState } from 'react'
import { staffPoliciesApi, useAction, useRequest } from '../../api'

export type WorkflowStep = 'submit' | 'approve' | 'sendBack' | 'repeal'

/** What each refusal means for the person, added to the server's message. */
const NEXT_STEP: Record<string, string> = {
  SELF_APPROVAL:
    '为了防止差错，每份政策都要由起草人以外的另一位工作人员或管理员审核后才能发布。请同事登录工作台，打开这份政策审核。',
  INVALID_STATE: '这份政策的状态刚刚变了，页面已经更新，请看最新状态再操作。'
}

/** One policy in the authoring workflow, and the steps on it: submit, approve, send back, repeal, delete a draft. */
export function useStaffPolicy(id: string, enabled: boolean) {
  const policy = useRequest(() => staffPoliciesApi.get(id), `staff-policy-${id}`, enabled && id !== '')
  const [done, setDone] = useState<WorkflowStep | null>(null)
  const step = useAction(async (kind: WorkflowStep, text?: string): Promise<StaffPolicy> => {
    setDone(null)
    const calls: Record<WorkflowStep, () => Promise<StaffPolicy>> = {
      submit: () => staffPoliciesApi.submit(id),
      approve: () => staffPoliciesApi.approve(id),
      sendBack: () => staffPoliciesApi.sendBack(id, { note: text ?? '' }),
      repeal: () => staffPoliciesApi.repeal(id, text ? { reason: text } : {})
    }
    try {
      const updated = await calls[kind]()
      policy.setData(updated)
      setDone(kind)
      return updated
    } catch (error) {
      // Someone else moved it on meanwhile: show where it stands now, with the refusal.
      if ((error as { code?: string }).code === 'INVALID_STATE') void policy.reload()
      throw error
    }
  })
  // Deleting a draft answers with nothing: afterwards the page says so and offers the way back to the list.
  const [deleted, setDeleted] = useState(false)
  const removal = useAction(async () => {
    try {
      await staffPoliciesApi.remove(id)
      setDeleted(true)
    } catch (error) {
      if ((error as { code?: string }).code === 'INVALID_STATE') void policy.reload()
      throw error
    }
  })
  const error = step.error ?? removal.error
  const refusal = error
    ? [error.message.replace(/[。.]$/, ''), NEXT_STEP[error.code]].filter(Boolean).join('。')
    : undefined
  return {
    policy,
    run: step.run,
    pending: step.pending || removal.pending,
    refusal,
    refusalCode: error?.code,
    done,
    remove: removal.run,
    deleted
  }
}

export type StaffPolicyState = ReturnType<typeof useStaffPolicy>

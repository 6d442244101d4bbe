import type { Me, PolicyWorkflow, StaffPolicy } from '@veterans/shared'

export const WORKFLOW_LABELS: Record<PolicyWorkflow, string> = { draft: '草稿', pending: '待审核', published: '已发布' }

/** The state staff think in: a repealed policy is still "published" in the workflow, but to them it is 已废止. */
export type StaffListState = PolicyWorkflow | 'repealed'

export const STAFF_LIST_STATES: { value: StaffListState; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'pending', label: '待审核' },
  { value: 'published', label: '已发布' },
  { value: 'repealed', label: '已废止' }
]

export function stateOf(policy: Pick<StaffPolicy, 'workflow' | 'validity'>): string {
  return policy.workflow === 'published' && policy.validity === 'repealed' ? '已废止' : WORKFLOW_LABELS[policy.workflow]
}

/** A draft can be deleted by its author, or by an admin (tidying up); anything submitted or published cannot. */
export function mayDelete(policy: Pick<StaffPolicy, 'workflow' | 'authorId'>, me: Pick<Me, 'id' | 'role'>): boolean {
  return policy.workflow === 'draft' && (policy.authorId === me.id || me.role === 'admin')
}

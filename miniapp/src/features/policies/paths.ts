import { withQuery } from '../booking/pages'

/** The policy pages outside the tab: reading (the `policy` subpackage) and authoring (the `staff` subpackage). */
export const POLICY_PAGES = {
  detail: '/policy/pages/detail/index',
  ask: '/policy/pages/ask/index',
  staffList: '/staff/pages/policies/index',
  staffPolicy: '/staff/pages/policy/index',
  staffEdit: '/staff/pages/policy-edit/index'
} as const

export const policyUrl = (id: string) => withQuery(POLICY_PAGES.detail, { id })
export const askStaffUrl = (about: { policyId?: string; query?: string }) =>
  withQuery(POLICY_PAGES.ask, { policyId: about.policyId, q: about.query })
export const staffPolicyUrl = (id: string) => withQuery(POLICY_PAGES.staffPolicy, { id })
export const staffEditUrl = (edit: { id?: string; supersedes?: string }) =>
  withQuery(POLICY_PAGES.staffEdit, { id: edit.id, supersedes: edit.supersedes })

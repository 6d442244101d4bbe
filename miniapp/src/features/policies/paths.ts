import { POLICY_PAGES, urlWith } from '../../shell/navigation-pages'

export const policyUrl = (id: string) => urlWith(POLICY_PAGES.detail, { id })
export const askStaffUrl = (about: { policyId?: string; query?: string }) =>
  urlWith(POLICY_PAGES.ask, { policyId: about.policyId, q: about.query })
export const staffPolicyUrl = (id: string) => urlWith(POLICY_PAGES.staffPolicy, { id })
export const staffEditUrl = (edit: { id?: string; supersedes?: string }) =>
  urlWith(POLICY_PAGES.staffEdit, { id: edit.id, supersedes: edit.supersedes })

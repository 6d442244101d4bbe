import type {
  PolicyCreated,
  PolicyDetail,
  PolicyInput,
  PolicyMatchList,
  PolicyQuery,
  PolicySearchResult,
  RepealPolicyBody,
  ReturnPolicyBody,
  StaffPolicy,
  StaffPolicyList,
  StaffPolicyQuery
} from '@veterans/shared'
import { api } from './instance'

const policyPath = (id: string) => `/policies/${encodeURIComponent(id)}`
const staffPolicyPath = (id: string) => `/staff/policies/${encodeURIComponent(id)}`

/**
 * Typed calls of the Policies part of the contract. Reading published policies is public (no sign-in, so the
 * calls go without a token and work before signing in); "for me" and authoring need a session.
 */
export const policiesApi = {
  search: (query: PolicyQuery) => api.get<PolicySearchResult>('/policies', { query, auth: false }),
  get: (id: string) => api.get<PolicyDetail>(policyPath(id), { auth: false }),
  forMe: () => api.get<PolicyMatchList>('/policies/for-me')
}

export const staffPoliciesApi = {
  list: (query: StaffPolicyQuery) => api.get<StaffPolicyList>('/staff/policies', { query }),
  get: (id: string) => api.get<StaffPolicy>(staffPolicyPath(id)),
  create: (body: PolicyInput) => api.post<PolicyCreated>('/staff/policies', { body }),
  update: (id: string, body: PolicyInput) => api.put<StaffPolicy>(staffPolicyPath(id), { body }),
  submit: (id: string) => api.post<StaffPolicy>(`${staffPolicyPath(id)}/submit`),
  approve: (id: string) => api.post<StaffPolicy>(`${staffPolicyPath(id)}/approve`),
  sendBack: (id: string, body: ReturnPolicyBody) => api.post<StaffPolicy>(`${staffPolicyPath(id)}/return`, { body }),
  repeal: (id: string, body: RepealPolicyBody) => api.post<StaffPolicy>(`${staffPolicyPath(id)}/repeal`, { body }),
  remove: (id: string) => api.delete<void>(staffPolicyPath(id))
}

import type {
  BindVeteranBody,
  Center,
  CenterQuery,
  CreateFamilyLinkBody,
  District,
  FamilyInvite,
  FamilyLink,
  FamilyList,
  Me,
  MyDataExport,
  Service,
  StaffSignInBody,
  TokenPair,
  UpdateMeBody
} from '@veterans/shared'
import { api } from './instance'

/** Typed calls of the accounts part of the contract (shared/openapi.json, tags auth, me and reference). */
export const authApi = {
  wechat: (code: string) => api.post<TokenPair>('/auth/wechat', { body: { code }, auth: false }),
  staff: (body: StaffSignInBody) => api.post<TokenPair>('/auth/staff', { body, auth: false })
}

export const meApi = {
  get: () => api.get<Me>('/me'),
  update: (body: UpdateMeBody) => api.patch<Me>('/me', { body }),
  bindVeteran: (body: BindVeteranBody) => api.post<Me>('/me/veteran', { body }),
  createFamilyInvite: () => api.post<FamilyInvite>('/me/family-invites'),
  linkFamily: (body: CreateFamilyLinkBody) => api.post<FamilyLink>('/me/family-links', { body }),
  listFamily: () => api.get<FamilyList>('/me/family'),
  removeFamilyLink: (linkId: string) => api.delete<void>(`/me/family/${encodeURIComponent(linkId)}`),
  exportData: () => api.get<MyDataExport>('/me/export'),
  closeAccount: () => api.delete<void>('/me')
}

export const referenceApi = {
  districts: () => api.get<{ items: District[] }>('/districts'),
  centers: (query: CenterQuery = {}) => api.get<{ items: Center[] }>('/centers', { query }),
  services: () => api.get<{ items: Service[] }>('/services')
}

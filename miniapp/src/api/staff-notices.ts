import type {
  AudiencePreview,
  NoticeCreated,
  NoticeInput,
  NoticeSendResult,
  PushDeliveryPage,
  PushDeliveryQuery,
  StaffNotice,
  StaffNoticePage,
  StaffNoticeQuery
} from '@veterans/shared'
import { api } from './instance'

const noticePath = (id: string) => `/staff/notices/${encodeURIComponent(id)}`

/**
 * Typed calls of the staff notices (shared/openapi.json, tag "notices (staff)"). Sending carries an Idempotency-Key
 * that the caller keeps for every retry of the same send, so a lost answer never sends a notice twice.
 */
export const staffNoticesApi = {
  list: (query: StaffNoticeQuery) => api.get<StaffNoticePage>('/staff/notices', { query }),
  get: (id: string) => api.get<StaffNotice>(noticePath(id)),
  create: (body: NoticeInput) => api.post<NoticeCreated>('/staff/notices', { body }),
  update: (id: string, body: NoticeInput) => api.patch<StaffNotice>(noticePath(id), { body }),
  remove: (id: string) => api.delete<void>(noticePath(id)),
  audiencePreview: (id: string) => api.get<AudiencePreview>(`${noticePath(id)}/audience-preview`),
  submit: (id: string) => api.post<StaffNotice>(`${noticePath(id)}/submit`),
  approve: (id: string) => api.post<StaffNotice>(`${noticePath(id)}/approve`),
  send: (id: string, idempotencyKey: string) =>
    api.post<NoticeSendResult>(`${noticePath(id)}/send`, { idempotencyKey }),
  /** Per recipient, where the WeChat copy of a notice stands (pending, sent, failed). */
  deliveries: (query: PushDeliveryQuery) => api.get<PushDeliveryPage>('/staff/push-deliveries', { query })
}

import type {
  AssignThreadBody,
  CannedReply,
  CannedReplyList,
  CreateCannedReplyBody,
  StaffMessage,
  StaffMessagePage,
  StaffMessageQuery,
  StaffPostMessageBody,
  StaffRefList,
  StaffThread,
  StaffThreadDetail,
  StaffThreadPage,
  StaffThreadQuery,
  ThreadStatus
} from '@veterans/shared'
import { api } from './instance'

const threadPath = (id: string) => `/staff/threads/${encodeURIComponent(id)}`

/**
 * Typed calls of the staff inbox (shared/openapi.json, tag "messaging (staff)"). Posting carries an
 * Idempotency-Key: the caller keeps one key per reply while the person retries it, so a lost answer is not sent twice.
 * Photos of messages are fetched like the residents' (messagingApi.photoFile: with the bearer token).
 */
export const staffMessagingApi = {
  queue: (query: StaffThreadQuery) => api.get<StaffThreadPage>('/staff/threads', { query }),
  thread: (id: string) => api.get<StaffThreadDetail>(threadPath(id)),
  entries: (id: string, query: StaffMessageQuery = {}) =>
    api.get<StaffMessagePage>(`${threadPath(id)}/messages`, { query }),
  /** Whom the thread can be assigned to: the staff of its center, and the caller. */
  assignees: (id: string) => api.get<StaffRefList>(`${threadPath(id)}/assignees`),
  assign: (id: string, body: AssignThreadBody = {}) => api.post<StaffThread>(`${threadPath(id)}/assign`, { body }),
  post: (id: string, body: StaffPostMessageBody, idempotencyKey: string) =>
    api.post<StaffMessage>(`${threadPath(id)}/messages`, { body, idempotencyKey }),
  setStatus: (id: string, status: ThreadStatus) =>
    api.post<StaffThread>(`${threadPath(id)}/status`, { body: { status } }),
  cannedReplies: () => api.get<CannedReplyList>('/staff/canned-replies'),
  createCannedReply: (body: CreateCannedReplyBody) => api.post<CannedReply>('/staff/canned-replies', { body })
}

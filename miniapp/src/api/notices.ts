import type {
  InboxPage,
  Notice,
  NoticePage,
  Preferences,
  PreferencesPatch,
  ReadAllNotificationsResult,
  SubscriptionCredits,
  SubscriptionResults,
  UnreadCount
} from '@veterans/shared'
import { api } from './instance'

const id = (value: string) => encodeURIComponent(value)

/** Paging of the one inbox (notices and notifications, newest first, one cursor). */
export interface InboxQuery {
  limit?: number
  cursor?: string
}

/**
 * Typed calls of the Notices part of the contract for residents: the one inbox (notices to many beside the
 * person's own notifications), a notice and marking it read, what they want to be told and how, and the answers
 * WeChat gave to a subscription request.
 */
export const noticesApi = {
  inbox: (query: InboxQuery = {}) => api.get<InboxPage>('/me/inbox', { query: { ...query } }),
  /** Marks every notice and notification read (an older BFF without it answers 404; see features/notices/use-inbox). */
  readAllInbox: () => api.post<ReadAllNotificationsResult>('/me/inbox/read-all'),
  list: (query: InboxQuery = {}) => api.get<NoticePage>('/notices', { query: { ...query } }),
  get: (noticeId: string) => api.get<Notice>(`/notices/${id(noticeId)}`),
  markRead: (noticeId: string) => api.post<void>(`/notices/${id(noticeId)}/read`),
  unreadCount: () => api.get<UnreadCount>('/notices/unread-count'),
  preferences: () => api.get<Preferences>('/me/message-preferences'),
  updatePreferences: (body: PreferencesPatch) => api.patch<Preferences>('/me/message-preferences', { body }),
  /** What Taro.requestSubscribeMessage answered, per template (one accepted = one message WeChat lets us send). */
  recordSubscriptions: (body: SubscriptionResults) =>
    api.post<SubscriptionCredits>('/me/wechat-subscriptions', { body }),
  subscriptionCredits: () => api.get<SubscriptionCredits>('/me/wechat-subscriptions')
}

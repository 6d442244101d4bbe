import type { NotificationPage, NotificationQuery, ReadAllNotificationsResult } from '@veterans/shared'
import { api } from './instance'

/** What a person has been told (waitlist promotions, closed slots …): GET /me/notifications and marking read. */
export const notificationsApi = {
  list: (query: NotificationQuery = {}) => api.get<NotificationPage>('/me/notifications', { query }),
  markRead: (notificationId: string) => api.post<void>(`/me/notifications/${encodeURIComponent(notificationId)}/read`),
  markAllRead: () => api.post<ReadAllNotificationsResult>('/me/notifications/read-all')
}

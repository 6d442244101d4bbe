import { Type, type Static } from '@sinclair/typebox'
import { DateTimeSchema, IdSchema, Nullable } from './common'

// Schemas of the notifications capability: what a person is told (a waitlist promotion, a closed slot …).

export const NotificationSchema = Type.Object({
  id: IdSchema,
  kind: Type.String({ description: 'Stable code of the event, e.g. booking.promoted, booking.slot_closed' }),
  title: Type.String(),
  body: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'Ids the client can open, e.g. { bookingId }' }),
  read: Type.Boolean(),
  readAt: Nullable(DateTimeSchema),
  createdAt: DateTimeSchema
})
export type Notification = Static<typeof NotificationSchema>

export const NotificationQuerySchema = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type NotificationQuery = Static<typeof NotificationQuerySchema>

export const NotificationPageSchema = Type.Object({
  items: Type.Array(NotificationSchema),
  nextCursor: Nullable(Type.String()),
  unreadCount: Type.Integer()
})
export type NotificationPage = Static<typeof NotificationPageSchema>

export const ReadAllNotificationsResultSchema = Type.Object({ updated: Type.Integer() })
export type ReadAllNotificationsResult = Static<typeof ReadAllNotificationsResultSchema>

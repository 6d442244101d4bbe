import { Type, type Static } from '@sinclair/typebox'
import { BookingSchema } from './booking'
import { DateTimeSchema, IdSchema, Nullable, StringEnum, TopicSchema, VeteranCategorySchema } from './common'
import { UploadSchema } from './uploads'

// Schemas of the messaging capability: residents' written questions (threads), their messages, and the staff inbox.

export const THREAD_STATUSES = ['open', 'pending', 'resolved'] as const
export const ThreadStatusSchema = StringEnum(THREAD_STATUSES, {
  description:
    'open: waiting for staff; pending: staff answered, waiting for the resident; resolved: done (a resident reply reopens it)'
})
export type ThreadStatus = (typeof THREAD_STATUSES)[number]

export const SLA_STATES = ['ok', 'due_soon', 'breached'] as const
export const SlaStateSchema = StringEnum(SLA_STATES, {
  description: 'ok; due_soon: within 2 working hours of slaDueAt; breached: slaDueAt has passed'
})
export type SlaState = (typeof SLA_STATES)[number]

export const MESSAGE_BODY_MAX = 2000
export const MESSAGE_ATTACHMENTS_MAX = 4

export const MessageSchema = Type.Object({
  id: IdSchema,
  seq: Type.Integer({
    minimum: 1,
    description: 'Per thread, gap-free 1, 2, 3 … over the messages a resident can see; catch up with afterSeq'
  }),
  authorRole: StringEnum(['resident', 'staff'] as const),
  authorName: Type.String({ description: "The resident's display name, or the staff member's" }),
  body: Type.String(),
  attachments: Type.Array(UploadSchema),
  createdAt: DateTimeSchema
})
export type Message = Static<typeof MessageSchema>

export const ThreadSchema = Type.Object({
  id: IdSchema,
  subject: Type.String(),
  category: TopicSchema,
  status: ThreadStatusSchema,
  centerId: IdSchema,
  centerName: Type.String(),
  policyId: Nullable(IdSchema, { description: 'The policy the question is about, when asked from a policy' }),
  policyTitle: Nullable(Type.String()),
  createdAt: DateTimeSchema,
  lastMessageAt: DateTimeSchema,
  lastSeq: Type.Integer({ description: 'seq of the latest message' }),
  unreadCount: Type.Integer({ description: 'Staff messages after the last one I marked read' }),
  rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 }), { description: 'My rating, once given' })
})
export type Thread = Static<typeof ThreadSchema>

export const CreateThreadBodySchema = Type.Object(
  {
    category: TopicSchema,
    subject: Type.String({ minLength: 1, maxLength: 100 }),
    body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX, description: 'The first message' }),
    centerId: Type.Optional(IdSchema),
    policyId: Type.Optional(IdSchema),
    attachmentIds: Type.Optional(Type.Array(IdSchema, { maxItems: MESSAGE_ATTACHMENTS_MAX, uniqueItems: true }))
  },
  { additionalProperties: false }
)
export type CreateThreadBody = Static<typeof CreateThreadBodySchema>

export const ThreadQuerySchema = Type.Object({
  status: Type.Optional(ThreadStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type ThreadQuery = Static<typeof ThreadQuerySchema>

export const ThreadPageSchema = Type.Object({ items: Type.Array(ThreadSchema), nextCursor: Nullable(Type.String()) })
export type ThreadPage = Static<typeof ThreadPageSchema>

export const MessageQuerySchema = Type.Object({
  afterSeq: Type.Optional(Type.Integer({ minimum: 0, description: 'Only messages with a greater seq (catch-up)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 }))
})
export type MessageQuery = Static<typeof MessageQuerySchema>

export const MessagePageSchema = Type.Object({
  items: Type.Array(MessageSchema),
  nextCursor: Nullable(Type.String(), { description: "More to read: ask again with afterSeq = the last item's seq" })
})
export type MessagePage = Static<typeof MessagePageSchema>

export const PostMessageBodySchema = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX }),
    attachmentIds: Type.Optional(Type.Array(IdSchema, { maxItems: MESSAGE_ATTACHMENTS_MAX, uniqueItems: true }))
  },
  { additionalProperties: false }
)
export type PostMessageBody = Static<typeof PostMessageBodySchema>

export const MarkReadBodySchema = Type.Object({ seq: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })
export type MarkReadBody = Static<typeof MarkReadBodySchema>

export const RateThreadBodySchema = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false }
)
export type RateThreadBody = Static<typeof RateThreadBodySchema>

export const ThreadRatingSchema = Type.Object({
  threadId: IdSchema,
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  createdAt: DateTimeSchema
})
export type ThreadRating = Static<typeof ThreadRatingSchema>

// Staff: the shared inbox.

export const StaffRefSchema = Type.Object({ id: IdSchema, displayName: Type.String() })
export type StaffRef = Static<typeof StaffRefSchema>

export const StaffRefListSchema = Type.Object({ items: Type.Array(StaffRefSchema) })
export type StaffRefList = Static<typeof StaffRefListSchema>

export const StaffThreadSchema = Type.Object({
  id: IdSchema,
  subject: Type.String(),
  category: TopicSchema,
  status: ThreadStatusSchema,
  centerId: IdSchema,
  centerName: Type.String(),
  policyId: Nullable(IdSchema),
  policyTitle: Nullable(Type.String()),
  residentNameMasked: Type.String({ description: 'Who asked, masked (王*)' }),
  residentRole: StringEnum(['resident', 'veteran', 'family'] as const),
  veteranNameMasked: Nullable(Type.String(), { description: 'The veteran the asker is or is linked to, masked' }),
  assignee: Nullable(StaffRefSchema),
  waitingSince: Nullable(DateTimeSchema, {
    description: 'Since when the resident has been waiting for an answer (null: not waiting)'
  }),
  slaDueAt: Nullable(DateTimeSchema, {
    description: 'Answer due: 8 working hours (Mon–Fri 09:00–17:00 Beijing time, holidays excepted) after waitingSince'
  }),
  slaState: Nullable(SlaStateSchema),
  firstResponseAt: Nullable(DateTimeSchema),
  slaBreaches: Type.Integer({ description: 'Waiting periods answered (or closed) after their due time' }),
  rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  createdAt: DateTimeSchema,
  lastMessageAt: DateTimeSchema,
  lastSeq: Type.Integer(),
  lastPosition: Type.Integer({ description: 'position of the latest entry, internal notes included' })
})
export type StaffThread = Static<typeof StaffThreadSchema>

export const STAFF_ASSIGNEE_FILTERS = ['me', 'unassigned', 'any'] as const

export const StaffThreadQuerySchema = Type.Object({
  status: Type.Optional(ThreadStatusSchema),
  assignee: Type.Optional(StringEnum(STAFF_ASSIGNEE_FILTERS, { description: 'Default any' })),
  centerId: Type.Optional(IdSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type StaffThreadQuery = Static<typeof StaffThreadQuerySchema>

export const StaffThreadPageSchema = Type.Object({
  items: Type.Array(StaffThreadSchema),
  nextCursor: Nullable(Type.String())
})
export type StaffThreadPage = Static<typeof StaffThreadPageSchema>

export const StaffThreadDetailSchema = Type.Composite([
  StaffThreadSchema,
  Type.Object({
    veteran: Nullable(
      Type.Object({
        id: IdSchema,
        nameMasked: Type.String(),
        districtCode: Type.String(),
        category: VeteranCategorySchema
      })
    ),
    upcomingBookings: Type.Array(BookingSchema, { description: 'Of the asker or their veteran, at centers I act for' })
  })
])
export type StaffThreadDetail = Static<typeof StaffThreadDetailSchema>

export const StaffMessageSchema = Type.Object({
  id: IdSchema,
  position: Type.Integer({ description: 'Per thread, gap-free over every entry, internal notes included' }),
  seq: Nullable(Type.Integer(), { description: 'The seq residents see; null for internal notes' }),
  internal: Type.Boolean({ description: 'An internal note: never shown to the resident' }),
  authorRole: StringEnum(['resident', 'staff'] as const),
  authorName: Type.String(),
  body: Type.String({ description: 'Empty when the resident closed their account (erased)' }),
  attachments: Type.Array(UploadSchema),
  createdAt: DateTimeSchema
})
export type StaffMessage = Static<typeof StaffMessageSchema>

export const StaffMessageQuerySchema = Type.Object({
  afterPosition: Type.Optional(Type.Integer({ minimum: 0, description: 'Only entries with a greater position' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 }))
})
export type StaffMessageQuery = Static<typeof StaffMessageQuerySchema>

export const StaffMessagePageSchema = Type.Object({
  items: Type.Array(StaffMessageSchema),
  nextCursor: Nullable(Type.String(), {
    description: "More to read: ask again with afterPosition = the last item's position"
  })
})
export type StaffMessagePage = Static<typeof StaffMessagePageSchema>

export const AssignThreadBodySchema = Type.Object({ staffId: Type.Optional(IdSchema) }, { additionalProperties: false })
export type AssignThreadBody = Static<typeof AssignThreadBodySchema>

export const StaffPostMessageBodySchema = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX }),
    internal: Type.Optional(Type.Boolean({ description: 'An internal note for colleagues (default false)' })),
    resolve: Type.Optional(
      Type.Boolean({ description: 'Reply and mark the thread resolved at once (otherwise a reply makes it pending)' })
    )
  },
  { additionalProperties: false }
)
export type StaffPostMessageBody = Static<typeof StaffPostMessageBodySchema>

export const ThreadStatusBodySchema = Type.Object({ status: ThreadStatusSchema }, { additionalProperties: false })
export type ThreadStatusBody = Static<typeof ThreadStatusBodySchema>

export const CannedReplySchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  body: Type.String(),
  createdAt: DateTimeSchema
})
export type CannedReply = Static<typeof CannedReplySchema>

export const CannedReplyListSchema = Type.Object({ items: Type.Array(CannedReplySchema) })
export type CannedReplyList = Static<typeof CannedReplyListSchema>

export const CreateCannedReplyBodySchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 50 }),
    body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX })
  },
  { additionalProperties: false }
)
export type CreateCannedReplyBody = Static<typeof CreateCannedReplyBodySchema>

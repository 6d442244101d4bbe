import { Type, type Static } from '@sinclair/typebox'
import { DateTimeSchema, IdSchema, Nullable, StringEnum, VeteranCategorySchema } from './common'

// Schemas of the notices capability: policy notices from staff to many (veterans and/or their families), the one
// inbox that shows them beside a person's notifications, preferences and WeChat subscription messages.

export const NOTICE_STATUSES = ['draft', 'pending', 'approved', 'sending', 'sent'] as const
export const NoticeStatusSchema = StringEnum(NOTICE_STATUSES, {
  description:
    'draft → (city-wide only: pending → approved by someone other than the author) → sending (fan-out running) → sent'
})
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]

export const NoticeAudienceSchema = Type.Object(
  {
    roles: Type.Array(StringEnum(['veteran', 'family'] as const), { minItems: 1, maxItems: 2, uniqueItems: true }),
    districts: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 12, description: 'A district code from GET /districts' }), {
        maxItems: 50,
        uniqueItems: true,
        description: 'Absent or empty: every district (city-wide, needs a second person to approve)'
      })
    ),
    veteranCategories: Type.Optional(Type.Array(VeteranCategorySchema, { maxItems: 5, uniqueItems: true })),
    eligibleForPolicyId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'Added to the contract: only the veterans a published policy’s eligibility matches (and their families)'
      })
    )
  },
  { additionalProperties: false }
)
export type NoticeAudience = Static<typeof NoticeAudienceSchema>

export const NoticeInputSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 60 }),
    body: Type.String({ minLength: 1, maxLength: 20_000, description: 'The same safe Markdown as policies' }),
    policyId: Type.Optional(Nullable(IdSchema)),
    audience: NoticeAudienceSchema
  },
  { additionalProperties: false }
)
export type NoticeInput = Static<typeof NoticeInputSchema>

/** Added to the contract: PATCH /staff/notices/:id changes a draft; fields left out stay, `audience` is replaced whole. */
export const NoticePatchSchema = Type.Partial(NoticeInputSchema, { additionalProperties: false, minProperties: 1 })
export type NoticePatch = Static<typeof NoticePatchSchema>

export const NoticeCreatedSchema = Type.Object({ id: IdSchema, status: NoticeStatusSchema })
export type NoticeCreated = Static<typeof NoticeCreatedSchema>

export const AudiencePreviewSchema = Type.Object({
  count: Type.Integer({ description: 'Accounts that would receive it now' }),
  veterans: Type.Integer({ description: 'Added: of which veterans' }),
  families: Type.Integer({ description: 'Added: of which family members' })
})
export type AudiencePreview = Static<typeof AudiencePreviewSchema>

export const NoticeSendResultSchema = Type.Object({ recipientCount: Type.Integer(), status: NoticeStatusSchema })
export type NoticeSendResult = Static<typeof NoticeSendResultSchema>

export const NoticeStatsSchema = Type.Object({
  recipients: Type.Integer(),
  read: Type.Integer(),
  delivered: Type.Object({
    inbox: Type.Integer({ description: 'In the recipients’ inboxes so far (the fan-out grows it to `recipients`)' }),
    wechat: Type.Object({
      pending: Type.Integer(),
      sent: Type.Integer(),
      failedTemporary: Type.Integer(),
      failedPermanent: Type.Integer()
    })
  })
})
export type NoticeStats = Static<typeof NoticeStatsSchema>

export const StaffNoticeSchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  body: Type.String(),
  policyId: Nullable(IdSchema),
  policyTitle: Nullable(Type.String()),
  audience: NoticeAudienceSchema,
  cityWide: Type.Boolean({ description: 'No district filter: a second person approves before it is sent' }),
  status: NoticeStatusSchema,
  authorId: IdSchema,
  authorName: Type.String(),
  approverId: Nullable(IdSchema),
  approverName: Nullable(Type.String()),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  sentAt: Nullable(DateTimeSchema),
  stats: NoticeStatsSchema
})
export type StaffNotice = Static<typeof StaffNoticeSchema>

export const StaffNoticeSummarySchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  status: NoticeStatusSchema,
  cityWide: Type.Boolean(),
  /** Added for the staff list's audience summary (optional: a list without it says only 全市 or 指定区县). */
  audience: Type.Optional(NoticeAudienceSchema),
  authorName: Type.String(),
  createdAt: DateTimeSchema,
  sentAt: Nullable(DateTimeSchema),
  recipients: Type.Integer(),
  read: Type.Integer()
})
export type StaffNoticeSummary = Static<typeof StaffNoticeSummarySchema>

export const StaffNoticeQuerySchema = Type.Object({
  status: Type.Optional(NoticeStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type StaffNoticeQuery = Static<typeof StaffNoticeQuerySchema>

export const StaffNoticePageSchema = Type.Object({
  items: Type.Array(StaffNoticeSummarySchema),
  nextCursor: Nullable(Type.String())
})
export type StaffNoticePage = Static<typeof StaffNoticePageSchema>

// Residents

export const NoticeListItemSchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  summary: Type.String({ description: 'The body as plain text, first 80 characters' }),
  sentAt: DateTimeSchema,
  read: Type.Boolean(),
  policyId: Type.Optional(IdSchema)
})
export type NoticeListItem = Static<typeof NoticeListItemSchema>

export const NoticePageSchema = Type.Object({
  items: Type.Array(NoticeListItemSchema),
  nextCursor: Nullable(Type.String())
})
export type NoticePage = Static<typeof NoticePageSchema>

export const NoticeSchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  body: Type.String({ description: 'Markdown' }),
  sentAt: DateTimeSchema,
  read: Type.Boolean(),
  readAt: Nullable(DateTimeSchema),
  policyId: Type.Optional(IdSchema),
  policyTitle: Type.Optional(Type.String()),
  senderName: Type.String({ description: 'The center that sent it (never a staff member’s own name)' })
})
export type Notice = Static<typeof NoticeSchema>

export const UnreadCountSchema = Type.Object({ count: Type.Integer() })
export type UnreadCount = Static<typeof UnreadCountSchema>

/** One entry of a person's inbox (GET /me/inbox): a notice to many, or a notification to this person. */
export const InboxEntrySchema = Type.Object({
  kind: StringEnum(['notice', 'notification'] as const),
  id: IdSchema,
  title: Type.String(),
  summary: Type.String(),
  at: DateTimeSchema,
  read: Type.Boolean(),
  /** notification: its event code (booking.reminder …); notice: 'notice' */
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), {
    description: 'Ids the client can open: { policyId } or { bookingId } …'
  })
})
export type InboxEntry = Static<typeof InboxEntrySchema>

export const InboxPageSchema = Type.Object({
  items: Type.Array(InboxEntrySchema),
  nextCursor: Nullable(Type.String()),
  unreadCount: Type.Integer({ description: 'Unread notices plus unread notifications' })
})
export type InboxPage = Static<typeof InboxPageSchema>

// Preferences and WeChat subscription messages

/** Kinds of what a person is told; booking and security ones cannot be turned off in the inbox. */
export const MESSAGE_KINDS = {
  booking: '预约提醒与变动',
  security: '账号安全',
  reply: '工作人员回复',
  notice: '政策通知'
} as const
export type MessageKind = keyof typeof MESSAGE_KINDS
export const MESSAGE_KIND_CODES = Object.keys(MESSAGE_KINDS) as unknown as readonly [MessageKind, ...MessageKind[]]
export const MessageKindSchema = StringEnum(MESSAGE_KIND_CODES)

export const PreferenceSchema = Type.Object({
  kind: MessageKindSchema,
  label: Type.String(),
  inbox: Type.Boolean(),
  inboxLocked: Type.Boolean({ description: 'Booking and security notices always reach the inbox' }),
  wechat: Type.Boolean({ description: 'Also as a WeChat subscription message' }),
  templateId: Nullable(Type.String({ description: 'The WeChat template to request (null: channel off)' }))
})
export type Preference = Static<typeof PreferenceSchema>

export const PreferencesSchema = Type.Object({
  wechatEnabled: Type.Boolean({ description: 'False when the server has no WeChat credentials' }),
  items: Type.Array(PreferenceSchema)
})
export type Preferences = Static<typeof PreferencesSchema>

export const PreferencesPatchSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { kind: MessageKindSchema, inbox: Type.Optional(Type.Boolean()), wechat: Type.Optional(Type.Boolean()) },
        { additionalProperties: false }
      ),
      { minItems: 1, maxItems: 4 }
    )
  },
  { additionalProperties: false }
)
export type PreferencesPatch = Static<typeof PreferencesPatchSchema>

/** What Taro.requestSubscribeMessage answered, per template. */
export const SubscriptionResultsSchema = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        {
          templateId: Type.String({ minLength: 1, maxLength: 128 }),
          answer: StringEnum(['accept', 'reject', 'ban', 'filter'] as const)
        },
        { additionalProperties: false }
      ),
      { minItems: 1, maxItems: 3 }
    )
  },
  { additionalProperties: false }
)
export type SubscriptionResults = Static<typeof SubscriptionResultsSchema>

export const SubscriptionCreditsSchema = Type.Object({
  items: Type.Array(Type.Object({ templateId: Type.String(), remaining: Type.Integer() }))
})
export type SubscriptionCredits = Static<typeof SubscriptionCreditsSchema>

// Staff: per-recipient WeChat delivery state (added by the push capability)

export const PUSH_DELIVERY_STATUSES = ['pending', 'sent', 'failed_temporary', 'failed_permanent'] as const
export const PushDeliveryStatusSchema = StringEnum(PUSH_DELIVERY_STATUSES, {
  description:
    'pending (queued, or held by quiet hours) → sent; failed_temporary is retried with backoff; failed_permanent is not'
})
export type PushDeliveryStatus = (typeof PUSH_DELIVERY_STATUSES)[number]

export const PushDeliveryQuerySchema = Type.Object({
  sourceType: StringEnum(['notice', 'notification'] as const),
  sourceId: IdSchema,
  status: Type.Optional(PushDeliveryStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type PushDeliveryQuery = Static<typeof PushDeliveryQuerySchema>

export const PushDeliverySchema = Type.Object({
  id: IdSchema,
  recipientNameMasked: Type.String({ description: 'The recipient’s name, masked (张*国)' }),
  status: PushDeliveryStatusSchema,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTimeSchema, { description: 'When it is tried next (null once sent or failed for good)' }),
  lastError: Nullable(Type.String({ description: 'WeChat’s errcode and a short reason, never personal data' })),
  createdAt: DateTimeSchema,
  sentAt: Nullable(DateTimeSchema)
})
export type PushDelivery = Static<typeof PushDeliverySchema>

export const PushDeliveryPageSchema = Type.Object({
  items: Type.Array(PushDeliverySchema),
  nextCursor: Nullable(Type.String())
})
export type PushDeliveryPage = Static<typeof PushDeliveryPageSchema>

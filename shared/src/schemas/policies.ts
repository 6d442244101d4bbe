import { Type, type Static } from '@sinclair/typebox'
import {
  DateSchema,
  DateTimeSchema,
  IdSchema,
  StringEnum,
  TopicSchema,
  VeteranCategorySchema,
  Nullable
} from './common'
import { POLICY_LEVEL_CODES, POLICY_VALIDITY_CODES, type POLICY_LEVELS, type POLICY_VALIDITIES } from '../topics'

export type PolicyLevel = keyof typeof POLICY_LEVELS
export const PolicyLevelSchema = StringEnum(POLICY_LEVEL_CODES)

export type PolicyValidity = keyof typeof POLICY_VALIDITIES
export const PolicyValiditySchema = StringEnum(POLICY_VALIDITY_CODES)

/** A validity to filter by, or every published policy. */
export const POLICY_VALIDITY_FILTERS = [...POLICY_VALIDITY_CODES, 'all'] as const

export const PolicyValidityFilterSchema = StringEnum(POLICY_VALIDITY_FILTERS, {
  description:
    'in_force (default): in force today. expired: no longer in force, because its end date passed or a newer ' +
    'policy superseded it (both). superseded: only those replaced by a newer policy. not_yet_effective: published ' +
    'but starting later. repealed. all: every published policy.'
})
export type PolicyValidityFilter = Static<typeof PolicyValidityFilterSchema>

export const POLICY_WORKFLOWS = ['draft', 'pending', 'published'] as const
export const PolicyWorkflowSchema = StringEnum(POLICY_WORKFLOWS, {
  description: 'draft → pending (submitted) → published (approved by someone other than the author)'
})
export type PolicyWorkflow = Static<typeof PolicyWorkflowSchema>

const DistrictCodeSchema = Type.String({ minLength: 1, maxLength: 12 })

/** Who a policy applies to. Every criterion given must hold; a policy without eligibility applies to every veteran. */
export const PolicyEligibilitySchema = Type.Object(
  {
    categories: Type.Optional(Type.Array(VeteranCategorySchema, { minItems: 1, maxItems: 5, uniqueItems: true })),
    districts: Type.Optional(Type.Array(DistrictCodeSchema, { minItems: 1, maxItems: 20, uniqueItems: true })),
    minServiceYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    disabilityLevels: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 10 }), { minItems: 1, maxItems: 10, uniqueItems: true })
    )
  },
  { additionalProperties: false }
)
export type PolicyEligibility = Static<typeof PolicyEligibilitySchema>

export const PolicyListItemSchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  docNumber: Type.String(),
  issuer: Type.String(),
  level: PolicyLevelSchema,
  category: TopicSchema,
  summary: Type.String(),
  effectiveFrom: DateSchema,
  effectiveTo: Nullable(DateSchema),
  validity: PolicyValiditySchema,
  snippet: Type.Optional(
    Type.String({ description: 'Where the query matched: hits wrapped in <em>…</em>, all other text HTML-escaped' })
  )
})
export type PolicyListItem = Static<typeof PolicyListItemSchema>

export const PolicyQuerySchema = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Free text, terms separated by spaces; every term must match (a term matches where it or one of its ' +
        'synonyms occurs). Document numbers work with any brackets: 〔2024〕12号, [2024]12号, 2024 12号.'
    })
  ),
  category: Type.Optional(TopicSchema),
  level: Type.Optional(PolicyLevelSchema),
  validity: Type.Optional(PolicyValidityFilterSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }))
})
export type PolicyQuery = Static<typeof PolicyQuerySchema>

const FacetCountsSchema = Type.Record(Type.String(), Type.Integer({ minimum: 0 }))

export const PolicySearchResultSchema = Type.Object({
  items: Type.Array(PolicyListItemSchema),
  total: Type.Integer({ minimum: 0, description: 'Matches with every filter applied' }),
  facets: Type.Object(
    {
      category: FacetCountsSchema,
      level: FacetCountsSchema
    },
    {
      description:
        'Counts by category (with the level and validity filters applied, not the category filter) and by level ' +
        '(with category and validity applied), so a client can show how many each chip would give.'
    }
  ),
  relaxed: Type.Optional(
    Type.Boolean({
      description: 'true when nothing matched the query as typed and these results match its words separately'
    })
  )
})
export type PolicySearchResult = Static<typeof PolicySearchResultSchema>

export const PolicyRefSchema = Type.Object({ id: IdSchema, title: Type.String(), docNumber: Type.String() })
export type PolicyRef = Static<typeof PolicyRefSchema>

export const PolicyDetailSchema = Type.Composite([
  Type.Omit(PolicyListItemSchema, ['snippet']),
  Type.Object({
    body: Type.String({ description: 'Markdown' }),
    eligibility: Nullable(PolicyEligibilitySchema),
    supersedes: Type.Optional(PolicyRefSchema),
    supersededBy: Type.Optional(PolicyRefSchema),
    relatedServiceIds: Type.Array(IdSchema),
    publishedAt: Nullable(DateTimeSchema),
    repealedAt: Nullable(DateTimeSchema)
  })
])
export type PolicyDetail = Static<typeof PolicyDetailSchema>

export const PolicyMatchSchema = Type.Composite([
  Type.Omit(PolicyListItemSchema, ['snippet']),
  Type.Object({
    matchedBecause: Type.Array(Type.String(), { description: 'Why it applies, in Chinese, e.g. 您的伤残等级为 8 级' }),
    matchedFor: Type.Array(Type.Object({ veteranId: IdSchema, veteranNameMasked: Type.String() }), {
      description:
        'Whose registry record matched (the signed-in veteran and/or the veterans a family member is linked to)'
    }),
    forEveryVeteran: Type.Boolean({ description: 'The policy sets no conditions: it applies to every veteran' })
  })
])
export type PolicyMatch = Static<typeof PolicyMatchSchema>
export const PolicyMatchListSchema = Type.Object({ items: Type.Array(PolicyMatchSchema) })
export type PolicyMatchList = Static<typeof PolicyMatchListSchema>

// ---- staff authoring -------------------------------------------------------------------------------------------

export const PolicyInputSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    docNumber: Type.String({ minLength: 1, maxLength: 100 }),
    issuer: Type.String({ minLength: 1, maxLength: 100 }),
    level: PolicyLevelSchema,
    category: TopicSchema,
    summary: Type.String({ minLength: 1, maxLength: 1000 }),
    body: Type.String({ minLength: 1, maxLength: 100_000, description: 'Markdown' }),
    effectiveFrom: DateSchema,
    effectiveTo: Type.Optional(DateSchema),
    eligibility: Type.Optional(PolicyEligibilitySchema),
    relatedServiceIds: Type.Optional(Type.Array(IdSchema, { maxItems: 10, uniqueItems: true })),
    supersedesId: Type.Optional(
      Nullable(IdSchema, {
        description:
          'A published policy this one replaces. When this one is published the older one becomes superseded ' +
          '(not in force from this one’s effectiveFrom) and links to it.'
      })
    )
  },
  { additionalProperties: false }
)
export type PolicyInput = Static<typeof PolicyInputSchema>

export const PolicyCreatedSchema = Type.Object({ id: IdSchema, workflow: PolicyWorkflowSchema })
export type PolicyCreated = Static<typeof PolicyCreatedSchema>

export const RepealPolicyBodySchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false }
)
export type RepealPolicyBody = Static<typeof RepealPolicyBodySchema>

export const ReturnPolicyBodySchema = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 500, description: 'What the author should change' }) },
  { additionalProperties: false }
)
export type ReturnPolicyBody = Static<typeof ReturnPolicyBodySchema>

export const StaffPolicySchema = Type.Composite([
  PolicyDetailSchema,
  Type.Object({
    workflow: PolicyWorkflowSchema,
    supersedesId: Nullable(IdSchema),
    authorId: IdSchema,
    authorName: Type.String(),
    approverId: Nullable(IdSchema),
    approverName: Nullable(Type.String()),
    submittedAt: Nullable(DateTimeSchema),
    reviewNote: Nullable(Type.String(), { description: 'Why a reviewer returned it to draft' }),
    repealReason: Nullable(Type.String()),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema
  })
])
export type StaffPolicy = Static<typeof StaffPolicySchema>

/** Staff lists may also ask for every published policy still on the books: all but the repealed ones. */
export const STAFF_POLICY_VALIDITY_FILTERS = [...POLICY_VALIDITY_FILTERS, 'not_repealed'] as const
export type StaffPolicyValidityFilter = (typeof STAFF_POLICY_VALIDITY_FILTERS)[number]

export const StaffPolicyQuerySchema = Type.Composite([
  Type.Omit(PolicyQuerySchema, ['validity']),
  Type.Object({
    workflow: Type.Optional(PolicyWorkflowSchema),
    validity: Type.Optional(
      StringEnum(STAFF_POLICY_VALIDITY_FILTERS, {
        description:
          'As for GET /policies; defaults to all here. not_repealed: in force, not yet effective, expired or ' +
          'superseded, i.e. every validity but repealed (the 已发布 list; repealed ones have their own, 已废止).'
      })
    ),
    mine: Type.Optional(Type.Boolean({ description: 'Only policies I drafted' }))
  })
])
export type StaffPolicyQuery = Static<typeof StaffPolicyQuerySchema>

export const StaffPolicyListItemSchema = Type.Composite([
  PolicyListItemSchema,
  Type.Object({
    workflow: PolicyWorkflowSchema,
    authorId: IdSchema,
    authorName: Type.String(),
    updatedAt: DateTimeSchema
  })
])
export type StaffPolicyListItem = Static<typeof StaffPolicyListItemSchema>

export const StaffPolicyListSchema = Type.Object({
  items: Type.Array(StaffPolicyListItemSchema),
  total: Type.Integer({ minimum: 0 }),
  facets: PolicySearchResultSchema.properties.facets,
  relaxed: Type.Optional(Type.Boolean())
})
export type StaffPolicyList = Static<typeof StaffPolicyListSchema>

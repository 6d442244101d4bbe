import { Type, type Static } from '@sinclair/typebox'
import { DateTimeSchema, IdSchema, RelationSchema, RoleSchema, VeteranCategorySchema, Nullable } from './common'

export const MeVeteranSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  idNumberMasked: Type.String(),
  districtCode: Type.String(),
  category: VeteranCategorySchema
})

export const FamilyOfSchema = Type.Object({
  linkId: IdSchema,
  veteranId: IdSchema,
  veteranNameMasked: Type.String(),
  relation: RelationSchema
})
export type FamilyOf = Static<typeof FamilyOfSchema>

export const MeSchema = Type.Object(
  {
    id: IdSchema,
    role: RoleSchema,
    displayName: Type.String(),
    elderMode: Type.Boolean(),
    phoneMasked: Type.Optional(Type.String()),
    veteran: Type.Optional(MeVeteranSchema),
    familyOf: Type.Array(FamilyOfSchema),
    center: Type.Optional(Type.Object({ id: IdSchema, name: Type.String() })),
    mustChangePassword: Type.Optional(
      Type.Boolean({ description: 'Staff: an admin reset the password; choose a new one (POST /me/password) first' })
    )
  },
  { $id: 'Me' }
)
export type Me = Static<typeof MeSchema>

export const UpdateMeBodySchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    elderMode: Type.Optional(Type.Boolean()),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$', description: 'Mainland mobile number' }))
  },
  { additionalProperties: false }
)
export type UpdateMeBody = Static<typeof UpdateMeBodySchema>

export const BindVeteranBodySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 32 }),
  idNumber: Type.String({ minLength: 15, maxLength: 24 })
})
export type BindVeteranBody = Static<typeof BindVeteranBodySchema>

export const FamilyInviteSchema = Type.Object({ code: Type.String(), expiresAt: DateTimeSchema })
export type FamilyInvite = Static<typeof FamilyInviteSchema>

export const CreateFamilyLinkBodySchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 16 }),
  relation: RelationSchema
})
export type CreateFamilyLinkBody = Static<typeof CreateFamilyLinkBodySchema>

export const FamilyLinkSchema = Type.Object({ linkId: IdSchema, veteranId: IdSchema, relation: RelationSchema })
export type FamilyLink = Static<typeof FamilyLinkSchema>

export const FamilyMemberSchema = Type.Object({
  linkId: IdSchema,
  displayName: Type.String(),
  relation: RelationSchema,
  createdAt: DateTimeSchema
})
export type FamilyMember = Static<typeof FamilyMemberSchema>
export const FamilyListSchema = Type.Object({ items: Type.Array(FamilyMemberSchema) })
export type FamilyList = Static<typeof FamilyListSchema>

export const LinkIdParamsSchema = Type.Object({ linkId: IdSchema })

/** PIPL right of access: everything held about the signed-in person, their own data unmasked. */
export const MyDataExportSchema = Type.Object({
  exportedAt: DateTimeSchema,
  account: Type.Object({
    id: IdSchema,
    role: RoleSchema,
    displayName: Type.String(),
    phone: Nullable(Type.String()),
    elderMode: Type.Boolean(),
    createdAt: DateTimeSchema
  }),
  veteranRecord: Type.Union([
    Type.Object({
      id: IdSchema,
      name: Type.String(),
      idNumber: Type.String(),
      gender: Type.String(),
      birthDate: Type.String(),
      districtCode: Type.String(),
      category: Type.String(),
      enlistDate: Nullable(Type.String()),
      dischargeDate: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      disabilityLevel: Nullable(Type.Integer())
    }),
    Type.Null()
  ]),
  familyLinks: Type.Array(
    Type.Object({
      linkId: IdSchema,
      veteranNameMasked: Type.String(),
      relation: Type.String(),
      createdAt: DateTimeSchema
    })
  ),
  familyMembers: Type.Array(FamilyMemberSchema),
  sessions: Type.Array(Type.Object({ createdAt: DateTimeSchema, lastUsedAt: DateTimeSchema, active: Type.Boolean() })),
  /** Sections that later capabilities add (bookings, messages, notices …), keyed by capability. */
  records: Type.Record(Type.String(), Type.Array(Type.Unknown()))
})
export type MyDataExport = Static<typeof MyDataExportSchema>

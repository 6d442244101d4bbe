import { Type, type Static } from '@sinclair/typebox'
import { DateSchema, DateTimeSchema, IdSchema, StringEnum, VeteranCategorySchema, Nullable } from './common'
import { GENDER_CODES } from '../topics'

export const GenderSchema = StringEnum(GENDER_CODES)

export const CreateVeteranBodySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 32 }),
  idNumber: Type.String({ minLength: 15, maxLength: 24 }),
  gender: Type.Optional(GenderSchema),
  birthDate: Type.Optional(DateSchema),
  districtCode: Type.String({ minLength: 1, maxLength: 12 }),
  category: VeteranCategorySchema,
  enlistDate: Type.Optional(DateSchema),
  dischargeDate: Type.Optional(DateSchema),
  phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })),
  disabilityLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 }))
})
export type CreateVeteranBody = Static<typeof CreateVeteranBodySchema>

/** A registry record as staff see it: ID number and phone masked. */
export const VeteranSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  idNumberMasked: Type.String(),
  gender: GenderSchema,
  birthDate: DateSchema,
  districtCode: Type.String(),
  category: VeteranCategorySchema,
  enlistDate: Nullable(DateSchema),
  dischargeDate: Nullable(DateSchema),
  phoneMasked: Nullable(Type.String()),
  disabilityLevel: Nullable(Type.Integer()),
  bound: Type.Boolean({ description: 'Whether a WeChat account is bound to this record' }),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema
})
export type Veteran = Static<typeof VeteranSchema>

import { Type, type Static } from '@sinclair/typebox'
import { DateSchema, DateTimeSchema, IdSchema, StringEnum, VeteranCategorySchema, Nullable } from './common'
import { GENDER_CODES, VETERAN_STATUS_CODES } from '../topics'

export const GenderSchema = StringEnum(GENDER_CODES)
export const VeteranStatusSchema = StringEnum(VETERAN_STATUS_CODES)

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
  disabilityLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  status: Type.Optional(VeteranStatusSchema),
  servedUnit: Type.Optional(Type.String({ maxLength: 100 })),
  notes: Type.Optional(Type.String({ maxLength: 1000 }))
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
  status: VeteranStatusSchema,
  servedUnit: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  bound: Type.Boolean({ description: 'Whether a WeChat account is bound to this record' }),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema
})
export type Veteran = Static<typeof VeteranSchema>

/** Staff change a record; the ID number is the record's identity and is not changed here. null clears a field. */
export const UpdateVeteranBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    gender: Type.Optional(GenderSchema),
    birthDate: Type.Optional(DateSchema),
    districtCode: Type.Optional(Type.String({ minLength: 1, maxLength: 12 })),
    category: Type.Optional(VeteranCategorySchema),
    enlistDate: Type.Optional(Nullable(DateSchema)),
    dischargeDate: Type.Optional(Nullable(DateSchema)),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^1[3-9]\\d{9}$' }))),
    disabilityLevel: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10 }))),
    status: Type.Optional(VeteranStatusSchema),
    servedUnit: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 1000 })))
  },
  { additionalProperties: false, minProperties: 1 }
)
export type UpdateVeteranBody = Static<typeof UpdateVeteranBodySchema>

export const VeteranQuerySchema = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 32, description: 'Part of the name, or the last 4 characters of the ID number' })
  ),
  districtCode: Type.Optional(Type.String({ maxLength: 12 })),
  category: Type.Optional(VeteranCategorySchema),
  status: Type.Optional(VeteranStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type VeteranQuery = Static<typeof VeteranQuerySchema>

export const VeteranPageSchema = Type.Object({
  items: Type.Array(VeteranSchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer({ description: 'How many records match, in scope' })
})
export type VeteranPage = Static<typeof VeteranPageSchema>

/** One record with what the platform holds around it: its bookings and written questions (newest first, up to 20). */
export const VeteranDetailSchema = Type.Object({
  veteran: VeteranSchema,
  districtName: Type.String(),
  familyCount: Type.Integer(),
  bookings: Type.Array(
    Type.Object({
      id: IdSchema,
      serviceName: Type.String(),
      centerName: Type.String(),
      startsAt: DateTimeSchema,
      status: Type.String()
    })
  ),
  threads: Type.Array(
    Type.Object({ id: IdSchema, subject: Type.String(), status: Type.String(), lastMessageAt: DateTimeSchema })
  )
})
export type VeteranDetail = Static<typeof VeteranDetailSchema>

export const PiiQuerySchema = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 200, description: 'Why the unmasked data is needed (audited)' })
})
export type PiiQuery = Static<typeof PiiQuerySchema>

export const VeteranPiiSchema = Type.Object({
  idNumber: Type.String(),
  phone: Nullable(Type.String()),
  showForSeconds: Type.Integer({ description: 'How long the client shows it (30)' })
})
export type VeteranPii = Static<typeof VeteranPiiSchema>

/** Fields an import column can fill. */
export const IMPORT_FIELDS = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'districtCode',
  'category',
  'enlistDate',
  'dischargeDate',
  'phone',
  'disabilityLevel',
  'status',
  'servedUnit',
  'notes'
] as const
export const ImportFieldSchema = StringEnum(IMPORT_FIELDS)
export type ImportField = (typeof IMPORT_FIELDS)[number]

export const ImportQuerySchema = Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: false })) })
export type ImportQuery = Static<typeof ImportQuerySchema>

export const ImportAcceptedSchema = Type.Object({ jobId: IdSchema })
export type ImportAccepted = Static<typeof ImportAcceptedSchema>

/** What the first rows of a file look like, and the mapping the server suggests from its headers. */
export const ImportPreviewSchema = Type.Object({
  format: StringEnum(['csv', 'xlsx'] as const),
  encoding: Type.String({ description: 'utf-8, gb18030 … (CSV)' }),
  headers: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(Type.String()), { description: 'The first 5 data rows as text' }),
  suggestedMapping: Type.Record(Type.String(), ImportFieldSchema, {
    description: 'header → field, for headers recognised'
  })
})
export type ImportPreview = Static<typeof ImportPreviewSchema>

export const ImportJobSchema = Type.Object({
  id: IdSchema,
  status: StringEnum(['running', 'done', 'failed'] as const),
  dryRun: Type.Boolean(),
  fileName: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() }), {
    description: 'The first 100 refused rows (all of them: GET /staff/imports/:jobId/errors.csv)'
  }),
  failure: Nullable(Type.String({ description: 'Why the whole job failed, and what was applied before' })),
  createdAt: DateTimeSchema,
  finishedAt: Nullable(DateTimeSchema)
})
export type ImportJob = Static<typeof ImportJobSchema>

export const RegistryExportQuerySchema = Type.Object({
  format: StringEnum(['csv', 'xlsx'] as const),
  q: Type.Optional(Type.String({ maxLength: 32 })),
  districtCode: Type.Optional(Type.String({ maxLength: 12 })),
  category: Type.Optional(VeteranCategorySchema),
  status: Type.Optional(VeteranStatusSchema),
  unmasked: Type.Optional(Type.Boolean({ description: 'Admins only, with a reason (audited)' })),
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 200 }))
})
export type RegistryExportQuery = Static<typeof RegistryExportQuerySchema>

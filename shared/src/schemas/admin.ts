import { Type, type Static } from '@sinclair/typebox'
import { DateTimeSchema, IdSchema, StringEnum, Nullable } from './common'
import { STAFF_ROLES } from '../topics'

export const StaffRoleSchema = StringEnum(STAFF_ROLES)

export const CreateStaffBodySchema = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
  password: Type.String({ minLength: 10, maxLength: 256 }),
  displayName: Type.String({ minLength: 1, maxLength: 32 }),
  role: StaffRoleSchema,
  centerId: Type.Optional(IdSchema)
})
export type CreateStaffBody = Static<typeof CreateStaffBodySchema>

export const StaffAccountSchema = Type.Object({
  id: IdSchema,
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRoleSchema,
  centerId: Nullable(IdSchema),
  centerName: Type.Optional(Nullable(Type.String())),
  disabled: Type.Optional(Type.Boolean()),
  mustChangePassword: Type.Optional(Type.Boolean()),
  createdAt: DateTimeSchema
})
export type StaffAccount = Static<typeof StaffAccountSchema>

export const AuditQuerySchema = Type.Object({
  actorId: Type.Optional(IdSchema),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(DateTimeSchema),
  to: Type.Optional(DateTimeSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type AuditQuery = Static<typeof AuditQuerySchema>

export const AuditEntrySchema = Type.Object({
  id: IdSchema,
  at: DateTimeSchema,
  actorId: Nullable(IdSchema),
  action: Type.String(),
  entity: Type.String(),
  entityId: Nullable(Type.String()),
  actorName: Type.Optional(Nullable(Type.String())),
  detail: Type.Record(Type.String(), Type.Unknown())
})
export type AuditEntry = Static<typeof AuditEntrySchema>

export const StaffAccountPageSchema = Type.Object({
  items: Type.Array(StaffAccountSchema),
  nextCursor: Nullable(Type.String())
})
export type StaffAccountPage = Static<typeof StaffAccountPageSchema>

/** An admin changes a staff account: name, role, center, switched off or on. The last active admin stays on. */
export const UpdateStaffBodySchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    role: Type.Optional(StaffRoleSchema),
    centerId: Type.Optional(Nullable(IdSchema)),
    disabled: Type.Optional(Type.Boolean())
  },
  { additionalProperties: false, minProperties: 1 }
)
export type UpdateStaffBody = Static<typeof UpdateStaffBodySchema>

/** An admin sets a temporary password; the account must choose its own at the next sign-in. */
export const ResetPasswordBodySchema = Type.Object(
  { password: Type.String({ minLength: 10, maxLength: 256 }) },
  { additionalProperties: false }
)
export type ResetPasswordBody = Static<typeof ResetPasswordBodySchema>

/** A staff member changes their own password. */
export const ChangePasswordBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 10, maxLength: 256 })
  },
  { additionalProperties: false }
)
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>

import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { TOPIC_CODES, VETERAN_CATEGORY_CODES, RELATION_CODES, ROLE_CODES } from '../topics'

/** A union of string literals, rendered as `enum` in OpenAPI. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}

/**
 * A value or null, as `type: [T, 'null']` rather than an anyOf: fast-json-stringify then writes it directly,
 * where an anyOf makes it validate the value against each branch on every response.
 */
export function Nullable<T extends TSchema>(schema: T, options: { description?: string } = {}) {
  const type = (schema as { type?: string }).type
  if (!type) throw new Error('Nullable needs a schema with a single type')
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [type, 'null'] })
}

export const IdSchema = Type.String({ minLength: 1, maxLength: 64, description: 'Opaque identifier' })
export const DateTimeSchema = Type.String({ format: 'date-time', description: 'ISO 8601 UTC' })
export const DateSchema = Type.String({
  format: 'date',
  description: 'YYYY-MM-DD (Asia/Shanghai), a real calendar date'
})

export const TopicSchema = StringEnum(TOPIC_CODES)
export const VeteranCategorySchema = StringEnum(VETERAN_CATEGORY_CODES)
export const RelationSchema = StringEnum(RELATION_CODES)
export const RoleSchema = StringEnum(ROLE_CODES)

export const ValidationFieldSchema = Type.Object({ path: Type.String(), message: Type.String() })

export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown())
    })
  },
  { $id: 'ErrorBody' }
)
export type ErrorBody = Static<typeof ErrorBodySchema>

export const ListQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type ListQuery = Static<typeof ListQuerySchema>

export function PageSchema<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) })
}
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export const IdParamsSchema = Type.Object({ id: IdSchema })
export type IdParams = Static<typeof IdParamsSchema>

export const NoContentSchema = Type.Null({ description: 'No content' })

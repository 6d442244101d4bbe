import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, StringEnum, TopicSchema } from './common'
import { CENTER_LEVEL_CODES } from '../topics'

export const DistrictSchema = Type.Object({ code: Type.String(), name: Type.String() })
export type District = Static<typeof DistrictSchema>
export const DistrictListSchema = Type.Object({ items: Type.Array(DistrictSchema) })

export const CenterLevelSchema = StringEnum(CENTER_LEVEL_CODES)
export const CenterSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  level: CenterLevelSchema,
  districtCode: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  openingHours: Type.String(),
  location: Type.Optional(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
  serviceIds: Type.Array(IdSchema, { description: 'Services offered at this center' })
})
export type Center = Static<typeof CenterSchema>
export const CenterListSchema = Type.Object({ items: Type.Array(CenterSchema) })
export const CenterQuerySchema = Type.Object({
  districtCode: Type.Optional(Type.String({ maxLength: 12 })),
  serviceId: Type.Optional(IdSchema)
})
export type CenterQuery = Static<typeof CenterQuerySchema>

export const ServiceSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  name: Type.String(),
  category: TopicSchema,
  description: Type.String(),
  durationMinutes: Type.Integer(),
  requiredDocuments: Type.Array(Type.String())
})
export type Service = Static<typeof ServiceSchema>
export const ServiceListSchema = Type.Object({ items: Type.Array(ServiceSchema) })

import { Type, type Static } from '@sinclair/typebox'
import { DateSchema, IdSchema, Nullable, VeteranCategorySchema } from './common'

// The figures managers decide by (GET /staff/stats): one period, one center or the whole city.

export const StatsQuerySchema = Type.Object({
  from: DateSchema,
  to: DateSchema,
  centerId: Type.Optional(IdSchema)
})
export type StatsQuery = Static<typeof StatsQuerySchema>

const Count = Type.Integer({ minimum: 0 })

export const StatsSchema = Type.Object({
  period: Type.Object({ from: DateSchema, to: DateSchema, centerId: Nullable(IdSchema), centerName: Type.String() }),
  bookings: Type.Object({
    total: Count,
    byService: Type.Array(Type.Object({ serviceId: IdSchema, name: Type.String(), count: Count })),
    byDay: Type.Array(Type.Object({ date: DateSchema, count: Count }), {
      description: 'Every day of the period, 0 included'
    }),
    noShowRate: Nullable(
      Type.Number({ description: 'No-shows over visits that should have happened (null: none yet)' })
    ),
    avgRating: Nullable(Type.Number()),
    ratingDistribution: Type.Array(Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5 }), count: Count }))
  }),
  messages: Type.Object({
    threads: Count,
    firstResponseMinutesP50: Nullable(Type.Number({ description: 'In working minutes' })),
    firstResponseMinutesP90: Nullable(Type.Number()),
    slaBreaches: Count
  }),
  notices: Type.Object({ sent: Count, readRate: Nullable(Type.Number()) }),
  veterans: Type.Object({
    total: Count,
    byDistrict: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Count })),
    byCategory: Type.Array(Type.Object({ category: VeteranCategorySchema, count: Count }))
  })
})
export type Stats = Static<typeof StatsSchema>

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { STAFF_ROLES as STAFF, StatsQuerySchema, StatsSchema } from '@veterans/shared'
import { bearer, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import { attachment } from './csv'
import * as service from './service'
import { statsCsv } from './stats-csv'

const SCOPE =
  'Period: Beijing dates `from`–`to`, both included, at most 366 days (400 otherwise). City-level staff and admins: ' +
  'one center with `centerId` (unknown: 404) or, without it, the whole city; other staff: their own center only ' +
  '(another centerId: 403). Bookings count by their slot date, cancelled ones not at all; the no-show rate is ' +
  'no-shows over completed visits and no-shows; first responses in working minutes (Mon–Fri 09:00–17:00, public ' +
  "holidays off, make-up working days on) for threads begun in the period; notices by their author's center; " +
  "veterans on the register (在册) in the center's district (a city-level center, or the city view: all)."

/** The dashboard's figures for managers (GET /staff/stats) and the same as a CSV download. */
const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['stats']

  app.get(
    '/staff/stats',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'The figures of a period at a center or city-wide',
        description: SCOPE,
        querystring: StatsQuerySchema,
        response: responses({ 200: StatsSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.getStats(app, principalOf(request), request.query)
  )

  app.get(
    '/staff/stats.csv',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'The same figures as CSV (UTF-8 with BOM), one section per table',
        description: SCOPE,
        querystring: StatsQuerySchema,
        produces: ['text/csv'],
        response: responses({ 200: Type.String({ description: 'text/csv' }) }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => {
      const stats = await service.getStats(app, principalOf(request), request.query)
      const name = `统计_${stats.period.centerName}_${stats.period.from}_${stats.period.to}.csv`
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(name))
        .send(statsCsv(stats))
    }
  )
}

export default statsRoutes

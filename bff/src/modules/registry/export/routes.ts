import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { RegistryExportQuerySchema, STAFF_ROLES } from '@veterans/shared'
import { bearer, responses } from '../../../lib/route-schema'
import { principalOf } from '../../../plugins/auth'
import { exportRegistry } from './service'

const FileSchema = Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'The CSV or XLSX file' })

const registryExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/veterans/export',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['registry'],
        security: bearer,
        summary: 'Download the registry in my scope as CSV or XLSX',
        description:
          'Same filters as the list; masked ID numbers and phones. `unmasked=true` only for admins (others: 403) and ' +
          'only with a `reason` (else 400); audited either way. CSV is UTF-8 with a BOM; columns as the import reads them.',
        querystring: RegistryExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: FileSchema }, 400, 401, 403)
      }
    },
    async (request, reply) => {
      const file = await exportRegistry(app, principalOf(request), request.query)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body)
    }
  )
}

export default registryExportRoutes

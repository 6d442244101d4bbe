import { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import {
  IdParamsSchema,
  ImportAcceptedSchema,
  ImportJobSchema,
  ImportPreviewSchema,
  ImportQuerySchema,
  STAFF_ROLES
} from '@veterans/shared'
import { bearer, responses } from '../../../lib/route-schema'
import { principalOf } from '../../../plugins/auth'
import { createImportRunner } from './runner'
import * as service from './service'
import { MAX_IMPORT_BYTES, receiveFile, tooLarge } from './upload'

/** The multipart body is read by the handler; for the OpenAPI document only. */
const ImportBodySchema = Type.Unsafe<null>({
  type: ['object', 'null'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'One CSV (UTF-8 or GBK/GB18030) or XLSX file, ≤ 50 MB' },
    mapping: {
      type: 'string',
      description: 'Optional JSON: column header → field (see ImportPreview.suggestedMapping)'
    }
  }
})

const CsvTextSchema = Type.Unsafe<unknown>({ type: 'string', description: 'text/csv, UTF-8 with BOM' })

/** Room for the multipart framing and the mapping field around a file of the largest size. */
const MULTIPART_OVERHEAD_BYTES = 256 * 1024

/** Imports of registry records from the bureau's spreadsheets: preview, background jobs, their error reports. */
const registryImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['registry']
  await app.register(multipart, {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024, parts: 6 }
  })
  const runner = createImportRunner(app)
  // Jobs left running are resumed at start; later, those of an instance that died, once their lease runs out.
  let poll: NodeJS.Timeout | undefined
  app.addHook('onReady', async () => {
    await runner.resumeRunning()
    poll = setInterval(() => {
      runner.resumeRunning().catch((err: unknown) => app.log.error({ err }, 'registry imports not looked for'))
    }, app.config.jobs.pollMs)
    poll.unref()
  })
  app.addHook('onClose', async () => {
    clearInterval(poll)
    await runner.stop()
  })

  const refuseLargeBody = async (request: { headers: Record<string, unknown> }) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES + MULTIPART_OVERHEAD_BYTES) throw tooLarge()
  }

  app.post(
    '/staff/veterans/import/preview',
    {
      config: { access: STAFF_ROLES },
      onRequest: refuseLargeBody,
      schema: {
        tags,
        security: bearer,
        summary: 'Read the first rows of an import file and suggest its column mapping',
        description:
          'multipart `file`: CSV or XLSX, judged by its bytes. CSV encodings: UTF-8 with or without BOM, GBK/GB18030 ' +
          '(as Excel saves on Chinese Windows). Nothing is kept. Empty, unreadable or header-only files: 422 ' +
          '`IMPORT_FILE_INVALID`; over 50 MB: 413 `TOO_LARGE`.',
        body: { content: { 'multipart/form-data': { schema: ImportBodySchema } } },
        response: responses({ 200: ImportPreviewSchema }, 400, 401, 403, 413, 415, 422)
      }
    },
    async (request) => service.previewImport(await receiveFile(app, request))
  )

  app.post(
    '/staff/veterans/import',
    {
      config: { access: STAFF_ROLES },
      onRequest: refuseLargeBody,
      schema: {
        tags,
        security: bearer,
        summary: 'Import registry records from a CSV or XLSX file (a background job)',
        description:
          'multipart `file` and optional `mapping` (JSON header → field; default: the suggested mapping). The file is ' +
          'checked at once (422 `IMPORT_FILE_INVALID` when unreadable or when a required column — name, idNumber, ' +
          'districtCode, category — is missing, with `details.missingFields`); then 202 and the job runs in batches of ' +
          '1,000 rows. Rows with a bad ID checksum, an unknown or out-of-scope district, an ID number repeated in the ' +
          'file, dates out of order or a missing required value are refused with their row number (header = row 1); ' +
          'other rows create records, or update the record with the same ID number where something differs. ' +
          '`dryRun=true` checks and counts the same way and writes nothing but the job. A job survives a restart.',
        querystring: ImportQuerySchema,
        body: { content: { 'multipart/form-data': { schema: ImportBodySchema } } },
        response: responses({ 202: ImportAcceptedSchema }, 400, 401, 403, 413, 415, 422)
      }
    },
    async (request, reply) => {
      const file = await receiveFile(app, request)
      const accepted = await service.startImport(app, runner, principalOf(request), file, request.query.dryRun ?? false)
      return reply.code(202).send(accepted)
    }
  )

  app.get(
    '/staff/imports/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: "An import job's progress and result",
        description: 'Seen by the staff member who started it and by admins (others: 404).',
        params: IdParamsSchema,
        response: responses({ 200: ImportJobSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.getImportJob(app, principalOf(request), request.params.id)
  )

  app.get(
    '/staff/imports/:id/errors.csv',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags,
        security: bearer,
        summary: 'Every row an import refused, as CSV (行号, 原因)',
        params: IdParamsSchema,
        produces: ['text/csv'],
        response: responses({ 200: CsvTextSchema }, 400, 401, 403, 404)
      }
    },
    async (request, reply) => {
      const principal = principalOf(request)
      await service.assertCanSeeJob(app, principal, request.params.id)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-errors-${request.params.id}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(service.importErrorsCsv(app, principal, request.params.id)))
    }
  )
}

export default registryImportRoutes

import { rm } from 'node:fs/promises'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import { IdParamsSchema, UploadSchema } from '@veterans/shared'
import { AppError, fieldError } from '../../lib/app-error'
import { multipartReadError } from '../../lib/multipart-errors'
import { bearer, responses } from '../../lib/route-schema'
import { principalOf } from '../../plugins/auth'
import * as service from './service'

export interface UploadsRoutesOptions {
  /** Given by app.ts from messaging: who can see a thread, and so its photos. Without it only uploaders can. */
  canSeeThread?: service.CanSeeThread
}

/** The image itself: the Buffer is sent as it is, never serialized. */
const ImageBytesSchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The image' })

/**
 * For the OpenAPI document: the multipart body is read by the handler (request.file()), so the body the
 * validator sees is empty (null), which this schema allows.
 */
const UploadBodySchema = Type.Unsafe<null>({
  type: ['object', 'null'],
  properties: { file: { type: 'string', format: 'binary', description: 'The JPEG or PNG' } }
})

/** The name a saved photo gets: never one chosen by the uploader. */
const IMAGE_FILE_NAMES = { 'image/jpeg': 'photo.jpg', 'image/png': 'photo.png' } as const

/** Room for the multipart framing around a file of the largest size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

/** Photos for messages: one JPEG or PNG per request, metadata removed, served to those who may see them. */
const uploadsRoutes: FastifyPluginAsyncTypebox<UploadsRoutesOptions> = async (app, { canSeeThread }) => {
  const tags = ['uploads']
  // Here only: every other route still answers 415 to a multipart body.
  await app.register(multipart, {
    limits: { fileSize: service.MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11 }
  })
  if (app.config.uploadsDirTemporary) {
    app.addHook('onClose', async () => rm(app.config.uploadsDir, { recursive: true, force: true }))
  }

  app.post(
    '/uploads',
    {
      config: { access: 'authenticated' },
      // A body that says it is too large is refused before it is read.
      onRequest: async (request) => {
        const length = Number(request.headers['content-length'] ?? 0)
        if (length > service.MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES) throw new AppError('TOO_LARGE')
      },
      schema: {
        tags,
        security: bearer,
        summary: 'Upload a photo for a message',
        description:
          '`multipart/form-data` with one file (any field name): a JPEG or PNG of at most 5 MB, judged by its bytes, ' +
          'not its name or declared type (else 415 `UNSUPPORTED_MEDIA`; too large: 413 `TOO_LARGE`). Exif, XMP, ' +
          'IPTC, comments and PNG text/time chunks are removed before it is stored (a JPEG keeps only its orientation). ' +
          'Attach it with `attachmentIds` when posting a message; until then only the uploader can see it. A person ' +
          'keeps at most 20 photos not yet sent: a newer one makes the oldest go.',
        body: { content: { 'multipart/form-data': { schema: UploadBodySchema } } },
        response: responses({ 201: UploadSchema }, 400, 401, 413, 415)
      }
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA', {}, '请以 multipart/form-data 上传一张 JPG 或 PNG 图片')
      let image: Buffer
      try {
        const file = await request.file()
        if (!file) throw fieldError('body.file', '请选择一张图片')
        image = await file.toBuffer()
      } catch (error) {
        throw multipartReadError(error)
      }
      const upload = await service.storeUpload(app, principalOf(request).userId, image)
      return reply.code(201).send(upload)
    }
  )

  app.get(
    '/uploads/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: "A photo's bytes",
        description:
          'Served to its uploader and to the participants of the thread it is attached to; anyone else: 404.',
        params: IdParamsSchema,
        produces: ['image/jpeg', 'image/png'],
        response: responses({ 200: ImageBytesSchema }, 400, 401, 404)
      }
    },
    async (request, reply) => {
      const { contentType, bytes } = await service.readUpload(
        app,
        principalOf(request),
        request.params.id,
        canSeeThread
      )
      // The bytes behind an id never change; only the person's own device may keep them. Pixels are never checked,
      // so a file may carry other text inside its picture data: opened on its own it is an image under a fixed name
      // (never sniffed as a page), and were it taken for one, it could run nothing.
      return reply
        .header('content-type', contentType)
        .header('content-disposition', `inline; filename="${IMAGE_FILE_NAMES[contentType]}"`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400')
        .send(bytes)
    }
  )
}

export default uploadsRoutes

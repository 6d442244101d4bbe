import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, StringEnum } from './common'

// Schemas of uploads: photos people attach to their messages.

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number]

/** A stored photo (metadata removed), as POST /uploads answers it; messages list their attachments the same way. */
export const UploadSchema = Type.Object({
  id: IdSchema,
  contentType: StringEnum(UPLOAD_CONTENT_TYPES),
  size: Type.Integer({ description: 'Bytes as stored, after metadata removal' }),
  url: Type.String({ description: 'GET it with the bearer token (uploader and thread participants only)' })
})
export type Upload = Static<typeof UploadSchema>

import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import type { Ctx } from '../../../context'
import { AppError, fieldError } from '../../../lib/app-error'
import { multipartReadError } from '../../../lib/multipart-errors'

/** The largest import file accepted. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export const tooLarge = () => new AppError('TOO_LARGE', {}, '文件太大，请上传 50 MB 以内的 CSV 或 XLSX 文件')

/** Import files wait here, beside the database, until their job ends (a restart finds them again). */
export function importsDir(ctx: Ctx): string {
  return path.join(ctx.config.uploadsDir, 'imports')
}

export interface ReceivedFile {
  filePath: string
  fileName: string
  /** The `mapping` field, if sent (JSON text). */
  mapping: string | undefined
}

/**
 * Streams the multipart `file` to disk under a random name (never the sender's), with the other fields; 413 past
 * 50 MB (the partial file is removed), 400 without a file.
 */
export async function receiveFile(ctx: Ctx, request: FastifyRequest): Promise<ReceivedFile> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA', {}, '请以 multipart/form-data 上传 CSV 或 XLSX 文件')
  await mkdir(importsDir(ctx), { recursive: true, mode: 0o700 })
  let received: { filePath: string; fileName: string } | null = null
  let mapping: string | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'mapping' && typeof part.value === 'string') mapping = part.value
        continue
      }
      if (received) {
        part.file.resume()
        continue
      }
      const filePath = path.join(importsDir(ctx), randomBytes(16).toString('hex'))
      received = { filePath, fileName: (part.filename || 'import').slice(0, 200) }
      await pipeline(part.file, createWriteStream(filePath, { mode: 0o600, flags: 'wx' }))
      if (part.file.truncated) throw tooLarge()
    }
  } catch (error) {
    if (received) await rm(received.filePath, { force: true })
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge()
    throw multipartReadError(error)
  }
  if (!received) throw fieldError('body.file', '请选择要导入的 CSV 或 XLSX 文件')
  return { ...received, mapping }
}

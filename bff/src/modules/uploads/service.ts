import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Upload } from '@veterans/shared'
import type { Ctx } from '../../context'
import type { Conn } from '../../db/client'
import { AppError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import type { Principal } from '../../lib/principal'
import { MalformedImageError, sniffImageType, stripImageMetadata, type ImageType } from './image-sanitize'
import * as repo from './repo'

/** The largest photo accepted, as sent (phones compress before sending; what is stored is a little smaller). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/**
 * Photos uploaded but never sent are seen by nobody but their uploader: beyond this many per person the oldest go,
 * so that a signed-in account cannot fill the disk with them. A message takes at most 4.
 */
export const MAX_UNATTACHED_PER_PERSON = 20

/**
 * Whether someone may see a thread (its resident, and staff who can see its center). Messaging decides; app.ts
 * hands its answer to uploads, so that uploads does not read messaging's tables.
 */
export type CanSeeThread = (principal: Principal, threadId: string) => boolean | Promise<boolean>

export function uploadUrl(id: string): string {
  return `/api/v1/uploads/${id}`
}

function toUpload(row: repo.UploadRow): Upload {
  return { id: row.id, contentType: row.contentType, size: row.size, url: uploadUrl(row.id) }
}

function fileOf(ctx: Ctx, storageName: string): string {
  return path.join(ctx.config.uploadsDir, storageName)
}

/**
 * Stores a JPEG or PNG (judged by its bytes) without its metadata, under a random name. Anything else, or an image
 * too broken to walk, is 415.
 */
export async function storeUpload(ctx: Ctx, ownerUserId: string, bytes: Buffer): Promise<Upload> {
  const type = sniffImageType(bytes)
  if (!type) throw new AppError('UNSUPPORTED_MEDIA')
  const clean = cleanImage(type, bytes)
  const row = {
    id: newId(),
    ownerUserId,
    contentType: type,
    size: clean.length,
    storageName: randomBytes(16).toString('hex'),
    createdAt: new Date().toISOString()
  }
  const file = fileOf(ctx, row.storageName)
  await mkdir(ctx.config.uploadsDir, { recursive: true, mode: 0o700 })
  try {
    await writeFile(file, clean, { mode: 0o600, flag: 'wx' })
    await repo.insertUpload(ctx.db, row)
  } catch (error) {
    // Nothing half-stored stays behind: a full disk leaves part of the file written, a failed insert all of it.
    // ('wx' made the file ours, unless the name was taken.)
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(file, { force: true })
    throw error
  }
  await removeFiles(ctx, await repo.deleteUnattachedBeyond(ctx.db, ownerUserId, MAX_UNATTACHED_PER_PERSON))
  return toUpload({ ...row, threadId: null, messageId: null })
}

function cleanImage(type: ImageType, bytes: Buffer): Buffer {
  try {
    return stripImageMetadata(type, bytes)
  } catch (error) {
    if (error instanceof MalformedImageError) throw new AppError('UNSUPPORTED_MEDIA', {}, '图片已损坏，请重新选择')
    throw error
  }
}

/** An upload's bytes, for its uploader and for those who can see the thread it is attached to; else 404. */
export async function readUpload(
  ctx: Ctx,
  principal: Principal,
  id: string,
  canSeeThread: CanSeeThread | undefined
): Promise<{ contentType: ImageType; bytes: Buffer }> {
  const row = await repo.findUpload(ctx.db, id)
  if (!row || !(await maySee(principal, row, canSeeThread))) throw new AppError('NOT_FOUND')
  try {
    return { contentType: row.contentType, bytes: await readFile(fileOf(ctx, row.storageName)) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND')
    throw error
  }
}

async function maySee(principal: Principal, row: repo.UploadRow, canSeeThread: CanSeeThread | undefined) {
  if (row.ownerUserId === principal.userId) return true
  return row.threadId !== null && canSeeThread !== undefined && (await canSeeThread(principal, row.threadId))
}

/**
 * For messaging, inside its write transaction: attaches the uploader's photos to a thread (and message), and
 * answers them in the order given. Each id must be the uploader's own and not yet attached; otherwise 400
 * VALIDATION_FAILED naming each bad one (`body.attachmentIds.<i>`), and the caller's transaction rolls back the
 * ones already attached. It awaits only its queries, so that it runs within the transaction (see db/group-commit.ts).
 */
export async function claimAttachments(
  tx: Conn,
  uploaderUserId: string,
  uploadIds: readonly string[],
  threadId: string,
  messageId: string | null = null
): Promise<Upload[]> {
  const claimed: Upload[] = []
  const fields: { path: string; message: string }[] = []
  for (const [i, id] of uploadIds.entries()) {
    const row = await repo.attachUploadIn(tx, id, uploaderUserId, threadId, messageId)
    if (row) claimed.push(toUpload(row))
    else fields.push({ path: `body.attachmentIds.${i}`, message: '图片不存在或已被使用，请重新上传' })
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields })
  return claimed
}

/** Every photo attached to a thread, oldest first. */
export async function attachmentsOfThread(tx: Conn, threadId: string): Promise<Upload[]> {
  return (await repo.uploadsOfThreadIn(tx, threadId)).map(toUpload)
}

/** The photos of each of these messages (claimed with their messageId), oldest first; messages without any are absent. */
export async function attachmentsOfMessages(tx: Conn, messageIds: readonly string[]): Promise<Map<string, Upload[]>> {
  const byMessage = new Map<string, Upload[]>()
  for (const row of await repo.uploadsOfMessagesIn(tx, messageIds)) {
    const own = byMessage.get(row.messageId!) ?? []
    own.push(toUpload(row))
    byMessage.set(row.messageId!, own)
  }
  return byMessage
}

/** Account closing: the person's photos go, files and rows, attached or not. */
export async function deleteUploadsOf(ctx: Ctx, userId: string) {
  await removeFiles(ctx, await repo.deleteUploadsOfOwner(ctx.db, userId))
}

/** The files of deleted upload rows; one that cannot be removed is logged, not fatal. */
async function removeFiles(ctx: Ctx, rows: { id: string; storageName: string }[]) {
  for (const row of rows) {
    await rm(fileOf(ctx, row.storageName), { force: true }).catch((err: unknown) =>
      ctx.log.error({ err, uploadId: row.id }, 'could not delete the file of a deleted upload')
    )
  }
}

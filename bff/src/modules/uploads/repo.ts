import { and, asc, desc, eq, inArray, isNull, notInArray } from 'drizzle-orm'
import type { Conn, Db } from '../../db/client'
import { uploads } from '../../db/schema/index'

// Functions that take `tx` run inside a caller's write transaction (messaging's), awaiting only their queries.

export type UploadRow = typeof uploads.$inferSelect

export async function insertUpload(db: Db, row: typeof uploads.$inferInsert) {
  await db.insert(uploads).values(row)
}

export async function findUpload(db: Db, id: string): Promise<UploadRow | undefined> {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id))
  return row
}

/** Attaches one of the owner's unattached uploads and answers it; undefined when it is not theirs or is attached. */
export async function attachUploadIn(
  tx: Conn,
  id: string,
  ownerUserId: string,
  threadId: string,
  messageId: string | null
): Promise<UploadRow | undefined> {
  const [row] = await tx
    .update(uploads)
    .set({ threadId, messageId })
    .where(and(eq(uploads.id, id), eq(uploads.ownerUserId, ownerUserId), isNull(uploads.threadId)))
    .returning()
  return row
}

/** Oldest first: the order they were uploaded in. */
export async function uploadsOfThreadIn(tx: Conn, threadId: string): Promise<UploadRow[]> {
  return tx.select().from(uploads).where(eq(uploads.threadId, threadId)).orderBy(asc(uploads.id))
}

export async function uploadsOfMessagesIn(tx: Conn, messageIds: readonly string[]): Promise<UploadRow[]> {
  if (messageIds.length === 0) return []
  return tx
    .select()
    .from(uploads)
    .where(inArray(uploads.messageId, [...messageIds]))
    .orderBy(asc(uploads.id))
}

/** Deletes every upload of a person and answers the files they were stored in. */
export async function deleteUploadsOfOwner(
  db: Db,
  ownerUserId: string
): Promise<{ id: string; storageName: string }[]> {
  return db
    .delete(uploads)
    .where(eq(uploads.ownerUserId, ownerUserId))
    .returning({ id: uploads.id, storageName: uploads.storageName })
}

/**
 * Deletes a person's unattached uploads beyond their newest `keep`, in one statement (one being attached meanwhile
 * is not touched), and answers the files they were stored in.
 */
export async function deleteUnattachedBeyond(
  db: Db,
  ownerUserId: string,
  keep: number
): Promise<{ id: string; storageName: string }[]> {
  const unattached = and(eq(uploads.ownerUserId, ownerUserId), isNull(uploads.threadId))
  const newest = db.select({ id: uploads.id }).from(uploads).where(unattached).orderBy(desc(uploads.id)).limit(keep)
  return db
    .delete(uploads)
    .where(and(unattached, notInArray(uploads.id, newest)))
    .returning({ id: uploads.id, storageName: uploads.storageName })
}

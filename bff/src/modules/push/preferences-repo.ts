import { and, eq, sql } from 'drizzle-orm'
import type { MessageKind } from '@veterans/shared'
import type { Conn, Db } from '../../db/client'
import { messagePreferences } from '../../db/schema/index'

// A person's message preferences. Rows exist only for what the person changed; the defaults live in
// preferences.ts and SQL defaults below agree with them.

export type PreferenceRow = typeof messagePreferences.$inferSelect

export async function listPreferences(db: Db, userId: string) {
  return await db.select().from(messagePreferences).where(eq(messagePreferences.userId, userId))
}

export async function preferenceIn(tx: Conn, userId: string, kind: MessageKind): Promise<PreferenceRow | undefined> {
  const [row] = await tx
    .select()
    .from(messagePreferences)
    .where(and(eq(messagePreferences.userId, userId), eq(messagePreferences.kind, kind)))
    .limit(1)
  return row
}

/** Writes the whole new state of the changed kinds at once. */
export async function savePreferences(
  db: Db,
  userId: string,
  rows: { kind: MessageKind; inbox: boolean; wechat: boolean }[],
  now: string
) {
  if (rows.length === 0) return
  await db
    .insert(messagePreferences)
    .values(rows.map((row) => ({ userId, ...row, updatedAt: now })))
    .onConflictDoUpdate({
      target: [messagePreferences.userId, messagePreferences.kind],
      set: {
        inbox: sql`excluded.inbox`,
        wechat: sql`excluded.wechat`,
        updatedAt: sql`excluded.updated_at`
      }
    })
}

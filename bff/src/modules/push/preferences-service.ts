import type { MessageKind } from '@veterans/shared'
import type { Conn } from '../../db/client'
import { INBOX_LOCKED } from './preferences'
import { preferenceIn } from './preferences-repo'

/** Whether a person wants this kind in their inbox (booking and security always reach it), inside a transaction. */
export async function inboxWantedIn(tx: Conn, userId: string, kind: MessageKind): Promise<boolean> {
  if (INBOX_LOCKED.has(kind)) return true
  return (await preferenceIn(tx, userId, kind))?.inbox ?? true
}

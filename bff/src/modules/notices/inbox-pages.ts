import type { NoticePage } from '@veterans/shared'
import { statement, type Conn, type Db } from '../../db/client'
import { isPostgres } from '../../db/dialect'

// Pages of people's notice lists, kept until their inbox changes. A list changes only when a notice reaches the
// person, when they read one, or when their account closes: every one of those writes is in recipients-repo.ts,
// and each forgets the pages of the people it wrote for, inside its own transaction (no request runs in between: on
// SQLite a transaction runs within one turn of the event loop, see group-commit.ts). A commit by another connection (data_version) forgets them all. The notices
// on a page never change once sent (only drafts are edited). Kept as the same objects, pages are also serialized
// once (sendSerializedOnce). Bounded: when full, it starts again empty.
const MAX_PAGES = 2000
const DATA_VERSION_SQL = 'PRAGMA data_version'

interface InboxPages {
  dataVersion: number
  /** Counts the writes to inboxes, so that a page built while one happened is not kept. */
  writes: number
  size: number
  byUser: Map<string, Map<string, NoticePage>>
}
// By connection object: writes pass their transaction, which is the connection itself.
const pagesOf = new WeakMap<object, InboxPages>()

function pages(conn: object): InboxPages {
  let found = pagesOf.get(conn)
  if (!found) pagesOf.set(conn, (found = { dataVersion: -1, writes: 0, size: 0, byUser: new Map() }))
  return found
}

/** The page `key` of a person's list: as built before, unless their inbox changed since. */
export async function inboxPage(db: Db, userId: string, key: string, build: () => Promise<NoticePage>) {
  // PostgreSQL: other instances write too, and there is no data_version to notice it by; every call builds.
  if (isPostgres(db)) return build()
  const cache = pages(db)
  const dataVersion = statement(db, DATA_VERSION_SQL).pluck().get() as number
  if (cache.dataVersion !== dataVersion || cache.size >= MAX_PAGES) {
    cache.dataVersion = dataVersion
    cache.byUser.clear()
    cache.size = 0
  }
  let page = cache.byUser.get(userId)?.get(key)
  if (!page) {
    const writes = cache.writes
    page = await build()
    if (cache.writes !== writes) return page
    let mine = cache.byUser.get(userId)
    if (!mine) cache.byUser.set(userId, (mine = new Map<string, NoticePage>()))
    mine.set(key, page)
    cache.size++
  }
  return page
}

/** Called by every write to people's inboxes, inside its transaction. */
export function forgetInboxes(tx: Conn, userIds: Iterable<string>) {
  const cache = pages(tx)
  cache.writes++
  for (const userId of userIds) {
    const mine = cache.byUser.get(userId)
    if (!mine) continue
    cache.size -= mine.size
    cache.byUser.delete(userId)
  }
}

import type { NoticeListItem } from '@veterans/shared'
import { perConnection, type Db } from '../../db/client'
import { query } from '../../db/query'
import { summaryOf } from './views'

/** What a list shows of a notice besides when it was sent and whether I read it. */
type ListFields = Pick<NoticeListItem, 'title' | 'summary' | 'policyId'>

// A notice reaches inboxes only once it is sent, and a sent notice is never edited (only drafts are): what a list
// shows of it is worked out once per notice (the summary strips the Markdown of the whole body) instead of reading
// and stripping every body on every page. Bounded, so that years of notices do not stay in memory.
const CACHE_SIZE = 2000
const cacheOf = perConnection(() => new Map<string, ListFields>())

export async function listFieldsOf(db: Db, noticeId: string): Promise<ListFields> {
  const cache = cacheOf(db)
  let fields = cache.get(noticeId)
  if (!fields) {
    const row = await query<{ title: string; body: string; policyId: string | null }>(
      db,
      'SELECT title, body, policy_id AS policyId FROM notices WHERE id = ?'
    ).get(noticeId)
    if (!row) throw new Error(`notice ${noticeId} is in an inbox but not in notices`)
    fields = { title: row.title, summary: summaryOf(row.body), ...(row.policyId ? { policyId: row.policyId } : {}) }
    if (cache.size >= CACHE_SIZE) cache.clear()
    cache.set(noticeId, fields)
  }
  return fields
}

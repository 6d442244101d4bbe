import type { NoticeListItem } from '@veterans/shared'
import { perConnection, statement, type Db } from '../../db/client'
import { summaryOf } from './views'

/** What a list shows of a notice besides when it was sent and whether I read it. */
type ListFields = Pick<NoticeListItem, 'title' | 'summary' | 'policyId'>

// A notice reaches inboxes only once it is sent, and a sent notice is never edited (only drafts are): what a list
// shows of it is worked out once per notice (the summary strips the Markdown of the whole body) instead of reading
// and stripping every body on every page. Bounded, so that years of notices do not stay in memory.
const CACHE_SIZE = 2000
const cacheOf = perConnection(() => new Map<string, ListFields>())

export function listFieldsOf(db: Db, noticeId: string): ListFields {
  const cache = cacheOf(db)
  let fields = cache.get(noticeId)
  if (!fields) {
    const row = statement(db, 'SELECT title, body, policy_id AS policyId FROM notices WHERE id = ?').get(noticeId) as
      { title: string; body: string; policyId: string | null } | undefined
    if (!row) throw new Error(`notice ${noticeId} is in an inbox but not in notices`)
    fields = { title: row.title, summary: summaryOf(row.body), ...(row.policyId ? { policyId: row.policyId } : {}) }
    if (cache.size >= CACHE_SIZE) cache.clear()
    cache.set(noticeId, fields)
  }
  return fields
}

import { changeStamp, perConnection, type Db } from '../../db/client'
import { isPostgres } from '../../db/dialect'
import type { SlotRow } from './slot-projection'

// Slot lists are the most read thing in the platform (every person choosing a time reads one) and change only
// with a write or as time passes, so they are kept at two levels: the rows of a query while the database's
// change stamp holds, and the answer built from those rows until the next listed slot starts.

const rowsByQuery = perConnection(() => new Map<string, { stamp: string; rows: SlotRow[] }>())
const MAX_QUERIES = 1000

/**
 * The rows of a slot query: read again only once the database changed (then as a new array). The stamp is taken
 * before the read, so a change made while it ran makes the next call read again. On PostgreSQL (no such stamp,
 * and other instances write too) every call reads.
 */
export async function cachedSlotRows(db: Db, query: string, read: () => Promise<SlotRow[]>): Promise<SlotRow[]> {
  if (isPostgres(db)) return read()
  const stamp = changeStamp(db)
  const cache = rowsByQuery(db)
  const cached = cache.get(query)
  if (cached?.stamp === stamp) return cached.rows
  const rows = await read()
  if (cache.size >= MAX_QUERIES) cache.clear()
  cache.set(query, { stamp, rows })
  return rows
}

const answersByRows = new WeakMap<SlotRow[], { answer: unknown; validUntil: string }>()

/**
 * The answer built from a list of rows stays right until the rows change (a new array) or the next listed slot
 * starts (it stops being bookable): until then the same object is returned.
 */
export function cachedSlotAnswer<A>(rows: SlotRow[], now: string, build: () => A): A {
  const kept = answersByRows.get(rows)
  if (kept && now < kept.validUntil) return kept.answer as A
  const answer = build()
  const validUntil = rows.reduce(
    (soonest, row) => (row.startsAt > now && row.startsAt < soonest ? row.startsAt : soonest),
    '9999'
  )
  answersByRows.set(rows, { answer, validUntil })
  return answer
}

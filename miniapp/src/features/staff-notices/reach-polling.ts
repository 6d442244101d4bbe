import type { NoticeStatus } from '@veterans/shared'

/** While the fan-out runs, the reach figures move every second or two. */
export const SENDING_POLL_MS = 3_000
/** After it is sent, reads still come in for days; a slower refresh is enough. */
export const SENT_POLL_MS = 15_000
/** How long after sending reads are still expected to come in. */
export const READS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

/** How often a notice's page refreshes its figures now, or null when nothing will change on its own. */
export function reachPollMs(notice: { status: NoticeStatus; sentAt: string | null }, now: number): number | null {
  if (notice.status === 'sending') return SENDING_POLL_MS
  if (notice.status !== 'sent') return null
  const sentAt = notice.sentAt ? Date.parse(notice.sentAt) : NaN
  if (Number.isNaN(sentAt)) return SENT_POLL_MS
  return now - sentAt < READS_WINDOW_MS ? SENT_POLL_MS : null
}

import type { StaffMessage, StaffThread, ThreadStatus } from '@veterans/shared'
import type { AssigneeFilter } from './labels'

// Pure rules of the staff inbox (unit-tested in test/staff-messaging-rules.test.ts): which threads a queue view
// shows, in what order, and how live changes are folded into what is on screen.

export interface QueueFilter {
  status: ThreadStatus
  assignee: AssigneeFilter
  /** The center chosen; '' = whatever the server gives this account (its own center). */
  centerId: string
}

/** Whether a thread (e.g. from a live `thread.updated` frame) belongs in this view of the queue. */
export function matchesFilter(thread: StaffThread, filter: QueueFilter, myId: string): boolean {
  if (thread.status !== filter.status) return false
  if (filter.centerId && thread.centerId !== filter.centerId) return false
  if (filter.assignee === 'me') return thread.assignee?.id === myId
  if (filter.assignee === 'unassigned') return thread.assignee === null
  return true
}

/** The server's order: those waiting first, longest-waiting first; then the others, latest activity first. */
export function compareQueue(a: StaffThread, b: StaffThread): number {
  if (a.waitingSince && b.waitingSince) return a.waitingSince.localeCompare(b.waitingSince) || a.id.localeCompare(b.id)
  if (a.waitingSince) return -1
  if (b.waitingSince) return 1
  return b.lastMessageAt.localeCompare(a.lastMessageAt) || a.id.localeCompare(b.id)
}

/** The queue after a thread changed: replaced, added where it belongs, or dropped when it no longer matches. */
export function foldThread(
  items: readonly StaffThread[],
  thread: StaffThread,
  filter: QueueFilter,
  myId: string
): StaffThread[] {
  const others = items.filter((t) => t.id !== thread.id)
  return matchesFilter(thread, filter, myId) ? [...others, thread].sort(compareQueue) : others
}

/**
 * A thread's entries with new ones folded in: by position, each once (a live frame and a catch-up may bring the
 * same entry twice).
 */
export function foldEntries(items: readonly StaffMessage[], incoming: readonly StaffMessage[]): StaffMessage[] {
  const byPosition = new Map<number, StaffMessage>()
  for (const entry of [...items, ...incoming]) byPosition.set(entry.position, entry)
  return [...byPosition.values()].sort((a, b) => a.position - b.position)
}

/** Whether entries are missing before this one (a frame lost while offline): then catch up from the last one held. */
export function hasGapBefore(items: readonly StaffMessage[], entry: StaffMessage): boolean {
  const last = items.length > 0 ? items[items.length - 1]!.position : 0
  return entry.position > last + 1
}

/** "3 小时", "2 天 4 小时", "12 分钟": how long someone has been waiting. */
export function waitedFor(since: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000))
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} 小时`
  const days = Math.floor(hours / 24)
  return hours % 24 === 0 ? `${days} 天` : `${days} 天 ${hours % 24} 小时`
}

/** Appends an insertion (a canned reply, a policy link) to the draft on a line of its own. */
export function insertIntoDraft(draft: string, text: string): string {
  if (!draft.trim()) return text
  return draft.endsWith('\n') ? draft + text : `${draft}\n${text}`
}

/** The line that points a resident to a policy: its title and number, and where to find it in the mini-program. */
export function policyLinkText(policy: { title: string; docNumber?: string | null }, url: string): string {
  const number = policy.docNumber ? `（${policy.docNumber}）` : ''
  return `《${policy.title}》${number}，可在小程序“政策”中查看：${url}`
}

/** H5 reply box: Enter sends, Shift+Enter (and Enter while an input method is composing) makes a new line. */
export function enterSends(key: {
  key: string
  shiftKey: boolean
  isComposing?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
}): boolean {
  return key.key === 'Enter' && !key.shiftKey && !key.isComposing
}

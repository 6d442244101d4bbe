import type { Thread, ThreadStatus } from '@veterans/shared'

// The person's list of written questions on the phone: kept current by live frames and reloads.

export const STATUS_LABELS: Record<ThreadStatus, string> = {
  open: '等待答复',
  pending: '已答复',
  resolved: '已解决'
}

/** Newest activity first, as the server lists them. */
export function sortThreads(threads: readonly Thread[]): Thread[] {
  return [...threads].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt) || b.id.localeCompare(a.id))
}

/**
 * A thread as a live frame or a reload gives it, put in its place. A frame older than what is held (frames and a
 * reload can cross) does not undo newer news: the copy with the higher lastSeq wins, and on a tie the later one.
 */
export function upsertThread(threads: readonly Thread[], thread: Thread): Thread[] {
  const held = threads.find((t) => t.id === thread.id)
  if (held && held.lastSeq > thread.lastSeq) return threads as Thread[]
  return sortThreads([...threads.filter((t) => t.id !== thread.id), thread])
}

/** Staff replies not yet read, over all threads: the 消息 tab's part from messaging. */
export function unreadTotal(threads: readonly Thread[]): number {
  return threads.reduce((sum, t) => sum + Math.max(0, t.unreadCount), 0)
}

import type { Ctx } from '../../context'
import type { Realtime } from '../../plugins/realtime'
import type { EntryRow, ThreadViewRow } from './thread-projection'
import { toMessage, toStaffMessage, toStaffThread, toThread } from './views'

// Live frames of messaging, sent only after the write committed. Each side gets its own view: the resident their
// thread and messages, the staff of the thread's center (with city-level staff and admins) the staff view.
// Internal notes go to staff audiences only.

/** The app as messaging's services use it; realtime is absent in an app built without the plugin (clients poll). */
export type LiveCtx = Ctx & { realtime?: Realtime }

function toResident(ctx: LiveCtx, thread: ThreadViewRow, frame: { type: string; [key: string]: unknown }) {
  // A closed account has no one left to tell.
  if (!thread.erasedAt) ctx.realtime?.publish({ userIds: [thread.residentUserId] }, frame)
}

function toStaff(ctx: LiveCtx, thread: ThreadViewRow, frame: { type: string; [key: string]: unknown }) {
  ctx.realtime?.publish({ staffOfCenterId: thread.centerId }, frame)
}

export const live = {
  /** A new entry and the thread it changed. */
  entryAdded(ctx: LiveCtx, thread: ThreadViewRow, entry: EntryRow) {
    const now = new Date().toISOString()
    if (!entry.internal) {
      toResident(ctx, thread, { type: 'message.created', threadId: thread.id, message: toMessage(entry) })
      toResident(ctx, thread, { type: 'thread.updated', thread: toThread(thread) })
    }
    toStaff(ctx, thread, { type: 'message.created', threadId: thread.id, message: toStaffMessage(entry) })
    toStaff(ctx, thread, { type: 'thread.updated', thread: toStaffThread(thread, now) })
  },
  /** The thread changed (status, assignee, read marker, rating), told to the sides that see the change. */
  threadChanged(ctx: LiveCtx, thread: ThreadViewRow, audiences: { resident: boolean; staff: boolean }) {
    if (audiences.resident) toResident(ctx, thread, { type: 'thread.updated', thread: toThread(thread) })
    if (audiences.staff)
      toStaff(ctx, thread, { type: 'thread.updated', thread: toStaffThread(thread, new Date().toISOString()) })
  }
}

import type { Ctx } from '../../context'
import type { Realtime, RealtimeFrame } from '../../plugins/realtime'
import type { Audience } from '../../realtime/audience'
import type { EntryRow, ThreadViewRow } from './thread-projection'
import { toMessage, toStaffMessage, toStaffThread, toThread } from './views'

// Live frames of messaging, sent only after the write committed. Each side gets its own view: the resident their
// thread and messages, the staff of the thread's center (with city-level staff and admins) the staff view.
// Internal notes go to staff audiences only. What one change tells both sides travels as one realtime event.

/** The app as messaging's services use it; realtime is absent in an app built without the plugin (clients poll). */
export type LiveCtx = Ctx & { realtime?: Realtime }

type Deliveries = { audience: Audience; frame: RealtimeFrame }[]

/** The resident's audience: none once the account is closed (there is no one left to tell). */
function residentOf(thread: ThreadViewRow): Audience | null {
  return thread.erasedAt ? null : { userIds: [thread.residentUserId] }
}

function staffOf(thread: ThreadViewRow): Audience {
  return { staffOfCenterId: thread.centerId }
}

export const live = {
  /** A new entry and the thread it changed. */
  entryAdded(ctx: LiveCtx, thread: ThreadViewRow, entry: EntryRow) {
    const deliveries: Deliveries = []
    const resident = residentOf(thread)
    if (resident && !entry.internal) {
      deliveries.push(
        { audience: resident, frame: { type: 'message.created', threadId: thread.id, message: toMessage(entry) } },
        { audience: resident, frame: { type: 'thread.updated', thread: toThread(thread) } }
      )
    }
    const staff = staffOf(thread)
    const now = new Date().toISOString()
    deliveries.push(
      { audience: staff, frame: { type: 'message.created', threadId: thread.id, message: toStaffMessage(entry) } },
      { audience: staff, frame: { type: 'thread.updated', thread: toStaffThread(thread, now) } }
    )
    ctx.realtime?.publishAll(deliveries)
  },
  /** The thread changed (status, assignee, read marker, rating), told to the sides that see the change. */
  threadChanged(ctx: LiveCtx, thread: ThreadViewRow, audiences: { resident: boolean; staff: boolean }) {
    const deliveries: Deliveries = []
    const resident = audiences.resident ? residentOf(thread) : null
    if (resident) deliveries.push({ audience: resident, frame: { type: 'thread.updated', thread: toThread(thread) } })
    if (audiences.staff) {
      const frame = { type: 'thread.updated', thread: toStaffThread(thread, new Date().toISOString()) }
      deliveries.push({ audience: staffOf(thread), frame })
    }
    ctx.realtime?.publishAll(deliveries)
  }
}

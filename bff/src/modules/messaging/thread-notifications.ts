import type { Conn } from '../../db/client'
import { insertNotifications, type NotificationInput } from '../notifications/service'
import { isActiveUserIn } from './thread-steps'

// Who is told about a thread, and what. Written inside the transaction of the change (they commit with it), and
// never about an internal note: notes reach no resident by any road.

const SNIPPET_CHARS = 60

function snippet(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim()
  return Array.from(flat).length > SNIPPET_CHARS ? `${Array.from(flat).slice(0, SNIPPET_CHARS).join('')}…` : flat
}

async function tell(
  tx: Conn,
  userId: string | null,
  kind: string,
  title: string,
  body: string,
  threadId: string,
  now: string,
  push?: NotificationInput['push']
) {
  if (!userId || !(await isActiveUserIn(tx, userId))) return
  await insertNotifications(tx, [{ userId, kind, title, body, data: { threadId }, ...(push ? { push } : {}) }], now)
}

export const notifyAbout = {
  /** The resident wrote: the staff member the thread is assigned to hears of it (an unassigned one is in the queue). */
  residentMessage(
    tx: Conn,
    thread: { id: string; subject: string; assigneeId: string | null },
    body: string,
    now: string
  ) {
    return tell(
      tx,
      thread.assigneeId,
      'thread.message',
      '咨询有新留言',
      `「${thread.subject}」：${snippet(body)}`,
      thread.id,
      now
    )
  },
  /**
   * Staff answered (not an internal note): the resident is told even when the app is closed — in the inbox unless
   * they turned replies off there, and by WeChat if they asked for it and subscribed.
   */
  staffReply(tx: Conn, thread: { id: string; subject: string; residentUserId: string }, body: string, now: string) {
    return tell(
      tx,
      thread.residentUserId,
      'thread.reply',
      '工作人员回复了您的咨询',
      `「${thread.subject}」：${snippet(body)}`,
      thread.id,
      now,
      {
        fields: { title: thread.subject, detail: snippet(body), time: now },
        page: `messages/pages/thread/index?id=${thread.id}`
      }
    )
  },
  /** A colleague gave the thread to someone: they hear of it. */
  assigned(tx: Conn, thread: { id: string; subject: string }, assigneeId: string, byName: string, now: string) {
    return tell(
      tx,
      assigneeId,
      'thread.assigned',
      '有一条咨询分配给您',
      `${byName}将「${thread.subject}」分配给您处理`,
      thread.id,
      now
    )
  }
}

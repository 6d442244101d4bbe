import type { Conn, Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { forgetInboxes } from './inbox-pages'

// A notice in a person's inbox: one notice_recipients row each. A person sees a notice only through their row.
// Every write here forgets the pages of the lists it changes (inbox-pages.ts).

/** Inside a fan-out batch: these people get the notice (a row already there from before a restart stays as it was). */
export async function deliverIn(tx: Conn, noticeId: string, userIds: string[], now: string) {
  await query(
    tx,
    `INSERT OR IGNORE INTO notice_recipients (user_id, notice_id, delivered_at)
      SELECT value, @noticeId, @now FROM json_each(@userIds)`
  ).run({ noticeId, now, userIds: JSON.stringify(userIds) })
  forgetInboxes(tx, userIds)
}

export interface ReceivedRow {
  id: string
  title: string
  body: string
  policyId: string | null
  senderName: string
  sentAt: string
  readAt: string | null
}

const RECEIVED = `SELECT n.id, n.title, n.body, n.policy_id AS policyId, n.sender_name AS senderName,
    n.sent_at AS sentAt, r.read_at AS readAt
  FROM notice_recipients r JOIN notices n ON n.id = r.notice_id`

/** A notice in my list: which, when sent, whether I read it. */
export interface ReceivedKey {
  id: string
  sentAt: string
  readAt: string | null
}

/** My notices newest first, after (sentAt, id) when paging: their keys only (the sort then moves no bodies). */
export async function listReceivedKeys(
  db: Db,
  userId: string,
  page: { before: { sentAt: string; id: string } | null; limit: number }
): Promise<ReceivedKey[]> {
  return query<ReceivedKey>(
    db,
    `SELECT n.id, n.sent_at AS sentAt, r.read_at AS readAt
       FROM notice_recipients r JOIN notices n ON n.id = r.notice_id ${MY_PAGE}`
  ).all(myPageParams(userId, page))
}

/** My notices newest first, after (sentAt, id) when paging (the inbox, which shows them with notifications). */
export async function listReceived(
  db: Db,
  userId: string,
  page: { before: { sentAt: string; id: string } | null; limit: number }
): Promise<ReceivedRow[]> {
  return query<ReceivedRow>(db, `${RECEIVED} ${MY_PAGE}`).all(myPageParams(userId, page))
}

/** One page of a person's notices, newest first, after (sentAt, id): the same for keys and for whole rows. */
const MY_PAGE = `WHERE r.user_id = @userId
  AND (@beforeAt IS NULL OR n.sent_at < @beforeAt OR (n.sent_at = @beforeAt AND n.id < @beforeId))
  ORDER BY n.sent_at DESC, n.id DESC LIMIT @limit`

function myPageParams(userId: string, page: { before: { sentAt: string; id: string } | null; limit: number }) {
  return { userId, beforeAt: page.before?.sentAt ?? null, beforeId: page.before?.id ?? null, limit: page.limit }
}

export async function findReceived(db: Db, userId: string, noticeId: string): Promise<ReceivedRow | null> {
  return (
    (await query<ReceivedRow>(db, `${RECEIVED} WHERE r.user_id = ? AND r.notice_id = ?`).get(userId, noticeId)) ?? null
  )
}

/** False when the person did not receive it. Reading twice keeps the first time. */
export async function markRead(db: Db, userId: string, noticeId: string, now: string) {
  return groupCommit(db, async (tx) => {
    forgetInboxes(tx, [userId])
    const row = await query<{ readAt: string | null }>(
      tx,
      'SELECT read_at AS readAt FROM notice_recipients WHERE user_id = ? AND notice_id = ?'
    ).get(userId, noticeId)
    if (!row) return false
    if (!row.readAt)
      await query(
        tx,
        'UPDATE notice_recipients SET read_at = ? WHERE user_id = ? AND notice_id = ? AND read_at IS NULL'
      ).run(now, userId, noticeId)
    return true
  })
}

export async function markAllRead(db: Db, userId: string, now: string) {
  return groupCommit(db, async (tx) => {
    forgetInboxes(tx, [userId])
    return query(tx, 'UPDATE notice_recipients SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(now, userId)
  })
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  return (await query(db, 'SELECT count(*) FROM notice_recipients WHERE user_id = ? AND read_at IS NULL').value<number>(
    userId
  ))!
}

/** Everything a person received, oldest first (data export). */
export async function listAllReceived(db: Db, userId: string): Promise<ReceivedRow[]> {
  return query<ReceivedRow>(db, `${RECEIVED} WHERE r.user_id = ? ORDER BY n.sent_at, n.id`).all(userId)
}

/** A closed account keeps nothing in anyone's reach figures that says it was there. */
export async function removeRecipient(db: Db, userId: string) {
  await groupCommit(db, async (tx) => {
    forgetInboxes(tx, [userId])
    await query(tx, 'DELETE FROM notice_recipients WHERE user_id = ?').run(userId)
  })
}

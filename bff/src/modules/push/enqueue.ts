import type { Conn } from '../../db/client'
import { query, rowsChanged } from '../../db/query'
import type { MessageKind } from '@veterans/shared'
import { pushDeliveries } from '../../db/schema/index'
import { newId } from '../../lib/ids'
import { pushChannelOf } from './channel'
import { DEFAULT_WECHAT } from './preferences'
import { afterQuietHours } from './quiet-hours'
import { takeCreditIn } from './subscriptions-repo'

/** A WeChat subscription message to queue for people, written in the caller's transaction. */
export interface PushInput {
  kind: MessageKind
  /** 'notice' or 'notification', and its id: one delivery per source and person. */
  sourceType: 'notice' | 'notification'
  sourceId: string
  userIds: string[]
  /** Template fields by meaning (title, time, place …) before WeChat's length rules. */
  fields: Record<string, string>
  /** The mini-program page the message opens. */
  page: string
  /** Urgent ones (a visit tomorrow) are not held back by quiet hours. */
  urgent?: boolean
  at: string
}

const WANTED_SQL = `SELECT u.id AS userId
  FROM json_each(?) AS j
  JOIN users AS u ON u.id = j.value AND u.status = 'active' AND u.openid IS NOT NULL
  JOIN wechat_subscriptions AS s ON s.user_id = u.id AND s.template_id = ? AND s.remaining > 0
  LEFT JOIN message_preferences AS p ON p.user_id = u.id AND p.kind = ?
  WHERE coalesce(p.wechat, ?) = 1 AND coalesce(p.inbox, 1) = 1`
// PostgreSQL: the JSON list unnested its way, and the flags are booleans.
const WANTED_POSTGRES = `SELECT u.id AS "userId"
  FROM json_array_elements_text(?::json) AS j(value)
  JOIN users AS u ON u.id = j.value AND u.status = 'active' AND u.openid IS NOT NULL
  JOIN wechat_subscriptions AS s ON s.user_id = u.id AND s.template_id = ? AND s.remaining > 0
  LEFT JOIN message_preferences AS p ON p.user_id = u.id AND p.kind = ?
  WHERE coalesce(p.wechat, ?::int = 1) AND coalesce(p.inbox, true)`

/**
 * Queues WeChat subscription messages for those of `userIds` who want this kind by WeChat and hold a subscription
 * credit for its template. Does nothing when the channel is off (no WeChat credentials).
 *
 * Who qualifies is one query over the whole list (a notice's fan-out hands over thousands at a time); each
 * delivery then takes its credit in the same transaction, and the unique (source, person) index makes a repeated
 * call queue nothing twice.
 */
export async function enqueuePushes(tx: Conn, input: PushInput): Promise<void> {
  const channel = pushChannelOf(tx)
  if (!channel?.enabled || input.userIds.length === 0) return
  const { templateId } = channel.templates[input.kind]
  const wanted = await query<{ userId: string }>(tx, WANTED_SQL, WANTED_POSTGRES).all(
    JSON.stringify([...new Set(input.userIds)]),
    templateId,
    input.kind,
    DEFAULT_WECHAT[input.kind] ? 1 : 0
  )
  if (wanted.length === 0) return
  const nextAttemptAt = input.urgent ? input.at : afterQuietHours(input.at)
  for (const { userId } of wanted) {
    const queued = rowsChanged(
      await tx
        .insert(pushDeliveries)
        .values({
          id: newId(),
          userId,
          kind: input.kind,
          templateId,
          sourceType: input.sourceType,
          sourceId: input.sourceId,
          fields: input.fields,
          page: input.page,
          urgent: input.urgent ?? false,
          status: 'pending',
          attempts: 0,
          nextAttemptAt,
          createdAt: input.at
        })
        .onConflictDoNothing()
    )
    if (queued === 1) await takeCreditIn(tx, userId, templateId, input.at)
  }
}

import { sql } from 'drizzle-orm'
import type { Conn } from '../../db/client'
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

/**
 * Queues WeChat subscription messages for those of `userIds` who want this kind by WeChat and hold a subscription
 * credit for its template. Does nothing when the channel is off (no WeChat credentials).
 *
 * Who qualifies is one query over the whole list (a notice's fan-out hands over thousands at a time); each
 * delivery then takes its credit in the same transaction, and the unique (source, person) index makes a repeated
 * call queue nothing twice.
 */
export function enqueuePushes(tx: Conn, input: PushInput): void {
  const channel = pushChannelOf(tx)
  if (!channel?.enabled || input.userIds.length === 0) return
  const { templateId } = channel.templates[input.kind]
  const wanted = tx.all<{ userId: string }>(sql`
    SELECT u.id AS userId
    FROM json_each(${JSON.stringify([...new Set(input.userIds)])}) AS j
    JOIN users AS u ON u.id = j.value AND u.status = 'active' AND u.openid IS NOT NULL
    JOIN wechat_subscriptions AS s ON s.user_id = u.id AND s.template_id = ${templateId} AND s.remaining > 0
    LEFT JOIN message_preferences AS p ON p.user_id = u.id AND p.kind = ${input.kind}
    WHERE coalesce(p.wechat, ${DEFAULT_WECHAT[input.kind] ? 1 : 0}) = 1 AND coalesce(p.inbox, 1) = 1`)
  if (wanted.length === 0) return
  const nextAttemptAt = input.urgent ? input.at : afterQuietHours(input.at)
  for (const { userId } of wanted) {
    const queued = tx
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
      .run().changes
    if (queued === 1) takeCreditIn(tx, userId, templateId, input.at)
  }
}

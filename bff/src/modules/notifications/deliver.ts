import type { Conn } from '../../db/client'
import { enqueuePushes } from '../push/enqueue'
import { inboxWantedIn } from '../push/preferences-service'
import { messageKindOf } from './kinds'
import { insertNotificationRows, type NotificationInput } from './repo'

/**
 * Tells people something, inside the transaction of the change that caused it: each notification reaches the
 * person's inbox unless they turned that kind off (only possible for kinds that are not locked on), and is queued
 * as a WeChat subscription message for those who want it by WeChat and have subscribed.
 */
export async function insertNotifications(
  tx: Conn,
  inputs: NotificationInput[],
  at: string = new Date().toISOString()
) {
  const wanted: NotificationInput[] = []
  for (const n of inputs) {
    const kind = messageKindOf(n.kind)
    if (kind === null || (await inboxWantedIn(tx, n.userId, kind))) wanted.push(n)
  }
  const ids = await insertNotificationRows(tx, wanted, at)
  for (const [i, n] of wanted.entries()) {
    const kind = messageKindOf(n.kind)
    if (!kind || !n.push) continue
    await enqueuePushes(tx, {
      kind,
      sourceType: 'notification',
      sourceId: ids[i]!,
      userIds: [n.userId],
      fields: n.push.fields,
      page: n.push.page,
      urgent: n.push.urgent,
      at
    })
  }
}

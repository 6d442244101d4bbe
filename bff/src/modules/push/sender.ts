import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config'
import type { Db } from '../../db/client'
import { claimDueDeliveries, recordAttempt, type ClaimedDelivery } from './deliveries-repo'
import { outcomeOf } from './delivery-rules'
import { afterQuietHours } from './quiet-hours'
import { templateData, type Templates } from './templates'
import type { WechatPushClient } from './wechat-push-client'

// Sends the WeChat deliveries that are due: claimed with a lease, sent one by one (a busy WeChat slows a batch,
// it does not stop it), and each answer recorded. Temporary failures wait (1, 5, 30 min, 2 h) and, unless urgent,
// for the end of quiet hours; after five attempts, or on a refusal that would only repeat, a delivery fails for good.

const LEASE_MS = 2 * 60_000
const BATCH = 50

export interface PushSender {
  /** Sends what is due now (by the app's clock); answers how many deliveries were tried. */
  sendDue(): Promise<number>
}

export function createPushSender(deps: {
  db: Db
  client: WechatPushClient
  templates: Templates
  clock: () => number
  miniprogramState: Config['wechatMiniprogramState']
  log: FastifyBaseLogger
}): PushSender {
  const { db, client, templates, clock, log } = deps

  async function sendOne(delivery: ClaimedDelivery) {
    const now = () => new Date(clock()).toISOString()
    if (!delivery.openid) {
      // The account closed (or never had an openid) since it was queued: nobody to send to.
      await recordAttempt(db, delivery, {
        status: 'failed_permanent',
        nextAttemptAt: now(),
        error: 'no openid',
        sentAt: null
      })
      return
    }
    const result = await client.send({
      touser: delivery.openid,
      template_id: delivery.templateId,
      page: delivery.page,
      data: templateData(templates[delivery.kind], delivery.fields),
      miniprogram_state: deps.miniprogramState,
      lang: 'zh_CN'
    })
    const outcome = outcomeOf(result, delivery.attempts)
    const at = now()
    if (outcome.status === 'sent') {
      await recordAttempt(db, delivery, { status: 'sent', nextAttemptAt: at, error: null, sentAt: at })
    } else if (outcome.status === 'failed_permanent') {
      await recordAttempt(db, delivery, {
        status: 'failed_permanent',
        nextAttemptAt: at,
        error: outcome.error,
        sentAt: null
      })
      log.warn({ deliveryId: delivery.id, error: outcome.error }, 'WeChat message failed for good')
    } else {
      const retryAt = new Date(clock() + outcome.retryInMs).toISOString()
      await recordAttempt(db, delivery, {
        status: 'failed_temporary',
        nextAttemptAt: delivery.urgent ? retryAt : afterQuietHours(retryAt),
        error: outcome.error,
        sentAt: null
      })
    }
  }

  return {
    async sendDue() {
      const now = clock()
      const claimed = await claimDueDeliveries(
        db,
        new Date(now).toISOString(),
        new Date(now + LEASE_MS).toISOString(),
        BATCH
      )
      for (const delivery of claimed) await sendOne(delivery)
      return claimed.length
    }
  }
}

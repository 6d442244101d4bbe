import {
  maskName,
  type Preferences,
  type PreferencesPatch,
  type PushDeliveryPage,
  type PushDeliveryQuery,
  type SubscriptionCredits,
  type SubscriptionResults
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { groupCommit } from '../../db/group-commit'
import { AppError } from '../../lib/app-error'
import { decodeCursor, toPage } from '../../lib/pagination'
import type { Principal } from '../../lib/principal'
import { canSeeDistrict, seesEverything } from '../../lib/scope'
import type { PushChannel } from './channel'
import * as deliveriesRepo from './deliveries-repo'
import { effectivePreferences, INBOX_LOCKED, kindLabel } from './preferences'
import * as preferencesRepo from './preferences-repo'
import * as subscriptionsRepo from './subscriptions-repo'
import { kindOfTemplate } from './templates'

export interface PushCtx extends Ctx {
  push: { channel: PushChannel }
}

const now = () => new Date().toISOString()

export async function getPreferences(ctx: PushCtx, userId: string): Promise<Preferences> {
  const { channel } = ctx.push
  const stored = await preferencesRepo.listPreferences(ctx.db, userId)
  return {
    wechatEnabled: channel.enabled,
    items: effectivePreferences(stored).map((p) => ({
      kind: p.kind,
      label: kindLabel(p.kind),
      inbox: p.inbox,
      inboxLocked: INBOX_LOCKED.has(p.kind),
      wechat: p.wechat,
      templateId: channel.enabled ? channel.templates[p.kind].templateId : null
    }))
  }
}

/** Changes some kinds; booking and security notices cannot leave the inbox (400 naming the field). */
export async function updatePreferences(ctx: PushCtx, userId: string, patch: PreferencesPatch): Promise<Preferences> {
  const fields = patch.items.flatMap((item, i) =>
    item.inbox === false && INBOX_LOCKED.has(item.kind)
      ? [{ path: `body.items.${i}.inbox`, message: `“${kindLabel(item.kind)}”必须保留在消息中，不能关闭` }]
      : []
  )
  const kinds = patch.items.map((item) => item.kind)
  patch.items.forEach((item, i) => {
    if (kinds.indexOf(item.kind) !== i) fields.push({ path: `body.items.${i}.kind`, message: '同一类消息只能出现一次' })
  })
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields })
  const current = new Map(
    effectivePreferences(await preferencesRepo.listPreferences(ctx.db, userId)).map((p) => [p.kind, p])
  )
  const rows = patch.items.map((item) => {
    const was = current.get(item.kind)!
    return { kind: item.kind, inbox: item.inbox ?? was.inbox, wechat: item.wechat ?? was.wechat }
  })
  await preferencesRepo.savePreferences(ctx.db, userId, rows, now())
  return getPreferences(ctx, userId)
}

export async function listCredits(ctx: PushCtx, userId: string): Promise<SubscriptionCredits> {
  const held = new Map(
    (await subscriptionsRepo.listCredits(ctx.db, userId)).map((row) => [row.templateId, row.remaining])
  )
  const { templates } = ctx.push.channel
  return {
    items: Object.values(templates).map(({ templateId }) => ({ templateId, remaining: held.get(templateId) ?? 0 }))
  }
}

/** What Taro.requestSubscribeMessage answered: each accepted template allows one more message. */
export async function recordSubscriptions(
  ctx: PushCtx,
  userId: string,
  body: SubscriptionResults
): Promise<SubscriptionCredits> {
  const { templates } = ctx.push.channel
  const fields = body.results.flatMap((result, i) =>
    kindOfTemplate(templates, result.templateId)
      ? []
      : [{ path: `body.results.${i}.templateId`, message: '没有这个订阅消息模板' }]
  )
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields })
  const at = now()
  await groupCommit(ctx.db, (tx) => subscriptionsRepo.recordAnswersIn(tx, userId, body.results, at))
  return listCredits(ctx, userId)
}

/**
 * Staff follow a notice's WeChat deliveries, per recipient (names masked), within the notice's scope: a district
 * notice is seen by its district's staff and by the city level; personal notifications only by the city level.
 */
export async function listDeliveries(
  ctx: PushCtx,
  principal: Principal,
  query: PushDeliveryQuery
): Promise<PushDeliveryPage> {
  if (query.sourceType === 'notice') {
    const notice = await deliveriesRepo.noticeScope(ctx.db, query.sourceId)
    if (!notice) throw new AppError('NOT_FOUND')
    const visible = notice.scopeDistrictCode
      ? canSeeDistrict(principal, notice.scopeDistrictCode)
      : seesEverything(principal)
    if (!visible) throw new AppError('NOT_FOUND')
  } else if (!seesEverything(principal)) {
    throw new AppError('NOT_FOUND')
  }
  const limit = query.limit ?? 20
  const rows = await deliveriesRepo.listDeliveries(ctx.db, {
    sourceType: query.sourceType,
    sourceId: query.sourceId,
    status: query.status,
    afterId: decodeCursor(query.cursor),
    limit
  })
  const page = toPage(rows, limit, (row) => row.id)
  return {
    items: page.items.map((row) => ({
      id: row.id,
      recipientNameMasked: maskName(row.displayName),
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.status === 'pending' || row.status === 'failed_temporary' ? row.nextAttemptAt : null,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt
    })),
    nextCursor: page.nextCursor
  }
}

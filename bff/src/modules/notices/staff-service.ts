import type {
  AudiencePreview,
  NoticeAudience,
  NoticeCreated,
  NoticeInput,
  NoticePatch,
  NoticeSendResult,
  StaffNotice,
  StaffNoticePage,
  StaffNoticeQuery
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, IdempotentReplay } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { decodeCursor, toPage } from '../../lib/pagination'
import type { Principal } from '../../lib/principal'
import { seesEverything } from '../../lib/scope'
import type { AuditEntryInput } from '../platform/audit-repo'
import { readIdempotencyKey, type IdempotentRequest } from '../platform/idempotency-repo'
import { getPolicy } from '../policies/service'
import { findCenter, listDistricts } from '../reference/service'
import { countAudience, resolveAudience, type ResolvedAudience } from './audience-repo'
import type { NoticeFanout } from './fanout'
import * as repo from './notices-repo'
import { startSending } from './send-repo'
import { toStats } from './views'

// Staff compose, approve and send notices. District staff address their own district only and see only their
// district's notices; a city-wide notice (no district filter) needs a second person's approval before it is sent.

type Field = { path: string; message: string }

const audit = (
  principal: Principal,
  action: string,
  id: string,
  detail: Record<string, unknown> = {}
): AuditEntryInput => ({
  actorId: principal.userId,
  actorRole: principal.role,
  action,
  entity: 'notice',
  entityId: id,
  detail
})

/** The district a district-level (or street, community) center's staff may address; null: any (city level). */
function ownDistrict(principal: Principal): string | null {
  return seesEverything(principal) ? null : (principal.center?.districtCode ?? null)
}

/** A published policy, or null when the id names none (a draft, a pending one, nothing). */
async function publishedPolicy(ctx: Ctx, id: string) {
  try {
    return await getPolicy(ctx, id)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

/**
 * Checks what the schema cannot and fills in the district of district staff. Unknown districts and policies are
 * 400 naming the field; another district than one's own is 403 naming it.
 */
async function checkedContent(ctx: Ctx, principal: Principal, input: NoticeInput): Promise<repo.NoticeContent> {
  const fields: Field[] = []
  const title = input.title.trim()
  if (!title) fields.push({ path: 'body.title', message: '请填写通知标题' })
  if (!input.body.trim()) fields.push({ path: 'body.body', message: '请填写通知内容' })
  const districts = input.audience.districts ?? []
  if (districts.length > 0) {
    const known = new Set((await listDistricts(ctx)).items.map((d) => d.code))
    const unknown = districts.filter((code) => !known.has(code))
    if (unknown.length) fields.push({ path: 'body.audience.districts', message: `没有这个区县：${unknown.join('、')}` })
  }
  if (input.policyId && !(await publishedPolicy(ctx, input.policyId)))
    fields.push({ path: 'body.policyId', message: '关联的政策不存在或尚未发布' })
  const eligibleFor = input.audience.eligibleForPolicyId
  if (eligibleFor && !(await publishedPolicy(ctx, eligibleFor)))
    fields.push({ path: 'body.audience.eligibleForPolicyId', message: '按政策条件发送时，该政策须已发布' })
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields })

  const own = ownDistrict(principal)
  const audience: NoticeAudience = { ...input.audience }
  if (own !== null) {
    const elsewhere = districts.filter((code) => code !== own)
    if (elsewhere.length)
      throw new AppError(
        'FORBIDDEN',
        { districts: elsewhere },
        '您只能向本区县的退役军人和家属发送通知；全市通知请联系市级服务中心'
      )
    audience.districts = [own]
  }
  if (audience.districts?.length === 0) delete audience.districts
  if (audience.veteranCategories?.length === 0) delete audience.veteranCategories
  return {
    title,
    body: input.body,
    policyId: input.policyId ?? null,
    audience,
    cityWide: !audience.districts
  }
}

/** A notice the staff member may see: their district's, or any for city level; else 404. */
async function visibleNotice(ctx: Ctx, principal: Principal, id: string) {
  const found = await repo.findNotice(ctx.db, id)
  const own = ownDistrict(principal)
  if (!found || (own !== null && found.notice.scopeDistrictCode !== own)) throw new AppError('NOT_FOUND')
  return found
}

function onlyAuthor(principal: Principal, notice: repo.NoticeRow, what: string) {
  if (notice.authorId !== principal.userId) throw new AppError('FORBIDDEN', {}, `只有起草人可以${what}这份通知草稿`)
}

const NOT_DRAFT = () => new AppError('INVALID_STATE', {}, '只有草稿可以修改或删除；已提交或已发送的通知不能再改')

/** The sending center's name, which residents see (never a staff member's own name). */
async function senderNameOf(ctx: Ctx, principal: Principal) {
  const center = principal.center ? await findCenter(ctx.db, principal.center.id) : null
  return center?.name ?? '市退役军人事务局'
}

export async function createNotice(ctx: Ctx, principal: Principal, input: NoticeInput): Promise<NoticeCreated> {
  const content = await checkedContent(ctx, principal, input)
  const now = new Date().toISOString()
  const id = newId()
  await repo.insertNotice(
    ctx.db,
    {
      id,
      ...content,
      scopeDistrictCode: ownDistrict(principal),
      status: 'draft',
      authorId: principal.userId,
      senderName: await senderNameOf(ctx, principal),
      createdAt: now,
      updatedAt: now
    },
    audit(principal, 'notice.create', id, { title: content.title, audience: content.audience })
  )
  return { id, status: 'draft' }
}

export async function updateNotice(
  ctx: Ctx,
  principal: Principal,
  id: string,
  patch: NoticePatch
): Promise<StaffNotice> {
  const { notice } = await visibleNotice(ctx, principal, id)
  onlyAuthor(principal, notice, '修改')
  if (notice.status !== 'draft') throw NOT_DRAFT()
  const content = await checkedContent(ctx, principal, {
    title: patch.title ?? notice.title,
    body: patch.body ?? notice.body,
    policyId: patch.policyId === undefined ? notice.policyId : patch.policyId,
    audience: patch.audience ?? notice.audience
  })
  const now = new Date().toISOString()
  if (
    !(await repo.updateDraft(ctx.db, id, content, now, audit(principal, 'notice.update', id, { title: content.title })))
  )
    throw NOT_DRAFT()
  return getStaffNotice(ctx, principal, id)
}

export async function deleteNotice(ctx: Ctx, principal: Principal, id: string) {
  const { notice } = await visibleNotice(ctx, principal, id)
  onlyAuthor(principal, notice, '删除')
  if (!(await repo.deleteDraft(ctx.db, id, audit(principal, 'notice.delete', id, { title: notice.title }))))
    throw NOT_DRAFT()
}

export async function submitNotice(ctx: Ctx, principal: Principal, id: string): Promise<StaffNotice> {
  const { notice } = await visibleNotice(ctx, principal, id)
  onlyAuthor(principal, notice, '提交')
  if (!notice.cityWide) throw new AppError('INVALID_STATE', {}, '本区县范围的通知不需要审核，可以直接发送')
  const moved = await repo.moveStatus(
    ctx.db,
    { id, from: 'draft', to: 'pending' },
    audit(principal, 'notice.submit', id)
  )
  if (!moved) throw new AppError('INVALID_STATE', {}, '只有草稿可以提交审核')
  return getStaffNotice(ctx, principal, id)
}

/** The two-person rule: someone other than the author, at city level, approves a city-wide notice. */
export async function approveNotice(ctx: Ctx, principal: Principal, id: string): Promise<StaffNotice> {
  const { notice } = await visibleNotice(ctx, principal, id)
  if (!seesEverything(principal)) throw new AppError('FORBIDDEN', {}, '全市通知由市级服务中心工作人员或管理员审核')
  if (notice.status !== 'pending') throw new AppError('INVALID_STATE', {}, '只有待审核的通知可以审核通过')
  if (notice.authorId === principal.userId)
    throw new AppError('SELF_APPROVAL', {}, '不能审核自己起草的通知，请由其他工作人员审核')
  const moved = await repo.moveStatus(
    ctx.db,
    { id, from: 'pending', to: 'approved', approverId: principal.userId },
    audit(principal, 'notice.approve', id)
  )
  if (!moved) throw new AppError('INVALID_STATE', {}, '只有待审核的通知可以审核通过')
  return getStaffNotice(ctx, principal, id)
}

/** The audience with the linked policy's eligibility, as the fan-out and the preview count it. */
export async function audienceOf(ctx: Ctx, notice: Pick<repo.NoticeRow, 'audience'>): Promise<ResolvedAudience> {
  const policyId = notice.audience.eligibleForPolicyId
  if (!policyId) return resolveAudience(notice.audience, null)
  const policy = await publishedPolicy(ctx, policyId)
  if (!policy)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'body.audience.eligibleForPolicyId', message: '按政策条件发送时，该政策须已发布' }]
    })
  // A policy without criteria applies to every veteran.
  return resolveAudience(notice.audience, policy.eligibility ?? {})
}

export async function previewAudience(ctx: Ctx, principal: Principal, id: string): Promise<AudiencePreview> {
  const { notice } = await visibleNotice(ctx, principal, id)
  return countAudience(ctx.db, await audienceOf(ctx, notice))
}

/**
 * Sends: the count is fixed and the notice becomes 'sending' in one transaction with the Idempotency-Key; the
 * fan-out then fills the inboxes batch by batch.
 */
export async function sendNotice(
  ctx: Ctx,
  fanout: NoticeFanout,
  principal: Principal,
  id: string,
  idempotency: IdempotentRequest | null
): Promise<NoticeSendResult> {
  const { notice } = await visibleNotice(ctx, principal, id)
  // A retry of an answered send gets its first answer without counting 100,000 people again.
  if (idempotency && (await readIdempotencyKey(ctx.db, idempotency.scope))) throw new IdempotentReplay()
  const { count } = await countAudience(ctx.db, await audienceOf(ctx, notice))
  const outcome = await startSending(
    ctx.db,
    { id, recipientCount: count, audit: audit(principal, 'notice.send', id) },
    idempotency
  )
  if (outcome === 'replay') throw new IdempotentReplay()
  if (!outcome.ok) throw new AppError(outcome.code, outcome.details ?? {}, outcome.message)
  fanout.start(id)
  return outcome.value
}

export async function getStaffNotice(ctx: Ctx, principal: Principal, id: string): Promise<StaffNotice> {
  const { notice, authorName, approverName } = await visibleNotice(ctx, principal, id)
  const [policy, reach] = await Promise.all([
    notice.policyId ? publishedPolicy(ctx, notice.policyId) : null,
    repo.reachOf(ctx.db, id)
  ])
  return {
    id: notice.id,
    title: notice.title,
    body: notice.body,
    policyId: notice.policyId,
    policyTitle: policy?.title ?? null,
    audience: notice.audience,
    cityWide: notice.cityWide,
    status: notice.status,
    authorId: notice.authorId,
    authorName,
    approverId: notice.approverId,
    approverName,
    createdAt: notice.createdAt,
    updatedAt: notice.updatedAt,
    sentAt: notice.sentAt,
    stats: toStats(notice.recipientCount, reach)
  }
}

export async function listStaffNotices(
  ctx: Ctx,
  principal: Principal,
  query: StaffNoticeQuery
): Promise<StaffNoticePage> {
  const limit = query.limit ?? 20
  const rows = await repo.listNotices(ctx.db, {
    status: query.status,
    scopeDistrictCode: ownDistrict(principal),
    beforeId: decodeCursor(query.cursor),
    limit
  })
  const page = toPage(rows, limit, (row) => row.notice.id)
  const read = await repo.readCounts(
    ctx.db,
    page.items.map((r) => r.notice.id)
  )
  return {
    items: page.items.map(({ notice, authorName }) => ({
      id: notice.id,
      title: notice.title,
      status: notice.status,
      cityWide: notice.cityWide,
      audience: notice.audience,
      authorName,
      createdAt: notice.createdAt,
      sentAt: notice.sentAt,
      recipients: notice.recipientCount,
      read: read.get(notice.id) ?? 0
    })),
    nextCursor: page.nextCursor
  }
}

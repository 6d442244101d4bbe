import type {
  PolicyCreated,
  PolicyInput,
  RepealPolicyBody,
  ReturnPolicyBody,
  StaffPolicy,
  StaffPolicyList,
  StaffPolicyQuery
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { shanghaiDate } from '../../lib/time'
import type { AuditEntryInput } from '../platform/audit-repo'
import type { Principal } from '../../lib/principal'
import { listDistricts, listServices } from '../reference/service'
import * as repo from './repo'
import { searchStoreOf } from './search/store-of'
import { runSearch, searchRequest } from './search/engine'
import { loadPage, resultOf, snippetFor, toDetail, toListItem } from './service'

type Field = { path: string; message: string }

/** Checks what the schema cannot (its dates are real calendar dates): dates in order, known districts and services, a policy that can be superseded. */
async function checkInput(ctx: Ctx, body: PolicyInput, selfId: string | null) {
  const fields: Field[] = []
  if (body.effectiveTo && body.effectiveTo < body.effectiveFrom) {
    fields.push({ path: 'body.effectiveTo', message: '失效日期不能早于施行日期' })
  }
  const districts = body.eligibility?.districts
  if (districts) {
    const known = new Set((await listDistricts(ctx)).items.map((d) => d.code))
    if (districts.some((code) => !known.has(code)))
      fields.push({ path: 'body.eligibility.districts', message: '包含不存在的区县' })
  }
  if (body.relatedServiceIds?.length) {
    const known = new Set((await listServices(ctx)).items.map((s) => s.id))
    if (body.relatedServiceIds.some((id) => !known.has(id)))
      fields.push({ path: 'body.relatedServiceIds', message: '包含不存在的服务' })
  }
  if (body.supersedesId) {
    const target = body.supersedesId === selfId ? null : (await repo.findPolicy(ctx.db, body.supersedesId))?.policy
    if (!target || target.workflow !== 'published') {
      fields.push({ path: 'body.supersedesId', message: '要替代的政策不存在或尚未发布' })
    } else if (target.repealedAt || target.supersededById) {
      fields.push({ path: 'body.supersedesId', message: '要替代的政策已废止或已被其他政策替代' })
    }
  }
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields })
}

function contentOf(body: PolicyInput): repo.PolicyContent {
  return {
    title: body.title.trim(),
    docNumber: body.docNumber.trim(),
    issuer: body.issuer.trim(),
    level: body.level,
    category: body.category,
    summary: body.summary.trim(),
    body: body.body,
    effectiveFrom: body.effectiveFrom,
    effectiveTo: body.effectiveTo ?? null,
    eligibility: body.eligibility && Object.keys(body.eligibility).length ? body.eligibility : null,
    relatedServiceIds: body.relatedServiceIds ?? [],
    supersedesId: body.supersedesId ?? null
  }
}

const audit = (
  principal: Principal,
  action: string,
  entityId: string,
  detail: Record<string, unknown> = {}
): AuditEntryInput => ({
  actorId: principal.userId,
  actorRole: principal.role,
  action,
  entity: 'policy',
  entityId,
  detail
})

export async function createPolicy(ctx: Ctx, principal: Principal, body: PolicyInput): Promise<PolicyCreated> {
  await checkInput(ctx, body, null)
  const now = new Date().toISOString()
  const id = newId()
  const content = contentOf(body)
  await repo.insertDraft(
    ctx.db,
    { id, ...content, workflow: 'draft', authorId: principal.userId, createdAt: now, updatedAt: now },
    audit(principal, 'policy.create', id, {
      title: content.title,
      docNumber: content.docNumber,
      supersedesId: content.supersedesId
    })
  )
  return { id, workflow: 'draft' }
}

export async function updatePolicy(
  ctx: Ctx,
  principal: Principal,
  id: string,
  body: PolicyInput
): Promise<StaffPolicy> {
  const existing = await repo.findPolicy(ctx.db, id)
  if (!existing) throw new AppError('NOT_FOUND')
  if (existing.policy.authorId !== principal.userId) throw REFUSALS.not_author()
  if (existing.policy.workflow !== 'draft') throw REFUSALS.not_draft()
  await checkInput(ctx, body, id)
  const content = contentOf(body)
  const result = await repo.updateDraft(
    ctx.db,
    id,
    principal.userId,
    content,
    audit(principal, 'policy.update', id, { title: content.title })
  )
  failUnless(result === 'updated' ? 'done' : result)
  return getStaffPolicy(ctx, id)
}

const REFUSALS: Record<Exclude<repo.Transition, 'done'> | 'not_draft', () => AppError> = {
  not_found: () => new AppError('NOT_FOUND'),
  not_draft: () => new AppError('INVALID_STATE', {}, '只有草稿可以修改；已提交的政策请先退回草稿'),
  invalid_state: () => new AppError('INVALID_STATE'),
  not_author: () => new AppError('FORBIDDEN', {}, '只有起草人可以修改或提交这份草稿'),
  self_approval: () => new AppError('SELF_APPROVAL'),
  supersede_conflict: () =>
    new AppError('INVALID_STATE', {}, '要替代的政策已废止或已被其他政策替代，请退回修改后重新提交')
}

function failUnless(result: repo.Transition | 'not_draft'): void {
  if (result !== 'done') throw REFUSALS[result]()
}

export async function submitPolicy(ctx: Ctx, principal: Principal, id: string): Promise<StaffPolicy> {
  failUnless(await repo.submitPolicy(ctx.db, id, principal.userId, audit(principal, 'policy.submit', id)))
  return getStaffPolicy(ctx, id)
}

export async function approvePolicy(ctx: Ctx, principal: Principal, id: string): Promise<StaffPolicy> {
  failUnless(await repo.approvePolicy(ctx.db, id, principal.userId, audit(principal, 'policy.approve', id)))
  return getStaffPolicy(ctx, id)
}

export async function returnPolicy(
  ctx: Ctx,
  principal: Principal,
  id: string,
  body: ReturnPolicyBody
): Promise<StaffPolicy> {
  const note = body.note.trim()
  failUnless(await repo.returnToDraft(ctx.db, id, note, audit(principal, 'policy.return', id, { note })))
  return getStaffPolicy(ctx, id)
}

export async function repealPolicy(
  ctx: Ctx,
  principal: Principal,
  id: string,
  body: RepealPolicyBody
): Promise<StaffPolicy> {
  const reason = body.reason?.trim() || null
  failUnless(
    await repo.repealPolicy(ctx.db, id, principal.userId, reason, audit(principal, 'policy.repeal', id, { reason }))
  )
  return getStaffPolicy(ctx, id)
}

/**
 * Deletes a draft nobody needs (its author's, or any as admin). Pending and published policies are not deleted:
 * a pending one goes back to draft first; a published one is repealed or superseded, never removed.
 */
export async function deletePolicy(ctx: Ctx, principal: Principal, id: string): Promise<void> {
  const result = await repo.deleteDraft(
    ctx.db,
    id,
    { userId: principal.userId, isAdmin: principal.role === 'admin' },
    (row) => audit(principal, 'policy.delete', id, { title: row.title, docNumber: row.docNumber })
  )
  if (result === 'deleted') return
  if (result === 'not_found') throw REFUSALS.not_found()
  if (result === 'not_author') throw new AppError('FORBIDDEN', {}, '只有起草人或管理员可以删除这份草稿')
  throw new AppError('INVALID_STATE', {}, '只有草稿可以删除；已提交的请先退回草稿，已发布的政策只能废止')
}

/** A policy in any state, exactly as readers will see it plus its workflow: the staff preview. */
export async function getStaffPolicy(ctx: Ctx, id: string): Promise<StaffPolicy> {
  const found = await repo.findPolicy(ctx.db, id)
  if (!found) throw new AppError('NOT_FOUND')
  const { policy, authorName, approverName } = found
  return {
    ...(await toDetail(ctx, policy, false)),
    workflow: policy.workflow,
    supersedesId: policy.supersedesId,
    authorId: policy.authorId,
    authorName,
    approverId: policy.approverId,
    approverName,
    submittedAt: policy.submittedAt,
    reviewNote: policy.reviewNote,
    repealReason: policy.repealReason,
    createdAt: policy.createdAt,
    updatedAt: policy.updatedAt
  }
}

/** GET /staff/policies: every state (drafts, pending, published), most recently edited first unless searching. */
export async function listStaffPolicies(
  ctx: Ctx,
  principal: Principal,
  query: StaffPolicyQuery
): Promise<StaffPolicyList> {
  const audience = {
    kind: 'staff' as const,
    workflow: query.workflow,
    authorId: query.mine ? principal.userId : undefined
  }
  const outcome = await runSearch(searchStoreOf(ctx.db), searchRequest(query, 'all', audience, shanghaiDate()))
  const items = await loadPage(ctx, outcome, (row, hit) => ({
    ...toListItem(row, hit.validity),
    ...snippetFor(row, outcome),
    workflow: row.workflow,
    authorId: row.authorId,
    authorName: row.authorName,
    updatedAt: row.updatedAt
  }))
  return resultOf(outcome, items)
}

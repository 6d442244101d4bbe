import type {
  CreateThreadBody,
  Message,
  MessagePage,
  MessageQuery,
  PostMessageBody,
  RateThreadBody,
  Thread,
  ThreadPage,
  ThreadQuery,
  ThreadRating
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, errorBody, fieldError, IdempotentReplay } from '../../lib/app-error'
import { decodeCursor, encodeCursor } from '../../lib/pagination'
import type { Principal } from '../../lib/principal'
import { canActOnCenter } from '../../lib/scope'
import { veteranRecordsOf } from '../me/service'
import { readIdempotencyKey, type IdempotentRequest } from '../platform/idempotency-repo'
import { getPolicy } from '../policies/service'
import { findCenter, listCenters } from '../reference/service'
import { attachmentsOfMessages } from '../uploads/service'
import { eraseResidentThreads } from './account-erasure-repo'
import { live, type LiveCtx } from './live'
import type { Outcome, Refusal } from './outcome'
import * as changes from './thread-changes-repo'
import type { ResidentMessageAdded } from './thread-changes-repo'
import type { MessageViewRow } from './thread-projection'
import * as threadsRepo from './threads-repo'
import { toMessage, toThread } from './views'

// The resident side of messaging: veterans, family members and unbound residents ask in writing. A person sees the
// threads they started, nobody else's (404, never a hint that it exists).

const DEFAULT_MESSAGE_PAGE = 50

function fail(refusal: Refusal): never {
  throw new AppError(refusal.code, refusal.details ?? {}, refusal.message)
}

/** Text that is only spaces is no text: the schema counts characters, this sees through them. */
function text(value: string, path: string, message: string) {
  const trimmed = value.trim()
  if (!trimmed) throw fieldError(path, message)
  return trimmed
}

/** The photos of these entries, each entry with its own (none for most). */
export async function withAttachments(ctx: Ctx, rows: MessageViewRow[]) {
  const byMessage = await attachmentsOfMessages(
    ctx.db,
    rows.map((r) => r.id)
  )
  return rows.map((row) => ({ ...row, attachments: byMessage.get(row.id) ?? [] }))
}

/**
 * Which center answers: the one asked, else the district center of the person's veteran record (their own, or the
 * first veteran they are linked to as family), else the city-level center.
 */
async function answeringCenter(ctx: Ctx, requested: string | undefined, districtCode: string | null) {
  if (requested) {
    if (!(await findCenter(ctx.db, requested))) throw fieldError('body.centerId', '没有这个服务中心，请重新选择')
    return requested
  }
  const { items } = await listCenters(ctx, {})
  const district = districtCode
    ? items.find((c) => c.level === 'district' && c.districtCode === districtCode)
    : undefined
  const center = district ?? items.find((c) => c.level === 'city')
  if (!center) throw fieldError('body.centerId', '请选择服务中心')
  return center.id
}

/** The policy asked about: a published one, its title kept with the thread. */
async function policyAskedAbout(ctx: Ctx, policyId: string | undefined) {
  if (!policyId) return null
  try {
    const policy = await getPolicy(ctx, policyId)
    return { id: policy.id, title: policy.title }
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      throw fieldError('body.policyId', '没有找到这项政策，请从政策页重新咨询')
    throw error
  }
}

/** A retry of an answered request gets the first answer before anything is done again (photos claimed twice …). */
export async function replayIfAnswered(ctx: Ctx, idempotency: IdempotentRequest | null) {
  if (idempotency && (await readIdempotencyKey(ctx.db, idempotency.scope))) throw new IdempotentReplay()
}

export function answerOf<T>(map: (value: T) => unknown) {
  return (outcome: Outcome<T>) => {
    if (outcome.ok) return { status: 201, body: map(outcome.value) }
    const error = new AppError(outcome.code, outcome.details ?? {}, outcome.message)
    return { status: error.status, body: errorBody(error) }
  }
}

/** A new question; its body is the first message. The resident waits for staff from now (see sla.ts). */
export async function startThread(
  ctx: LiveCtx,
  principal: Principal,
  body: CreateThreadBody,
  idempotency: IdempotentRequest | null = null
): Promise<Thread> {
  await replayIfAnswered(ctx, idempotency)
  const subject = text(body.subject, 'body.subject', '请填写咨询标题')
  const firstMessage = text(body.body, 'body.body', '请填写您想咨询的内容')
  const [veteran] = await veteranRecordsOf(ctx, principal)
  const [centerId, policy] = await Promise.all([
    answeringCenter(ctx, body.centerId, veteran?.districtCode ?? null),
    policyAskedAbout(ctx, body.policyId)
  ])
  const outcome = await changes.createThread(
    ctx.db,
    {
      residentUserId: principal.userId,
      veteranId: veteran?.id ?? null,
      centerId,
      category: body.category,
      subject,
      policyId: policy?.id ?? null,
      policyTitle: policy?.title ?? null,
      body: firstMessage,
      attachmentIds: body.attachmentIds ?? []
    },
    idempotency && { request: idempotency, respond: answerOf(toThread) }
  )
  if (outcome === 'replay') throw new IdempotentReplay()
  if (!outcome.ok) fail(outcome)
  live.threadChanged(ctx, outcome.value, { resident: true, staff: true })
  return toThread(outcome.value)
}

async function myThread(ctx: Ctx, principal: Principal, threadId: string) {
  const row = await threadsRepo.findThreadView(ctx.db, threadId)
  if (!row || row.residentUserId !== principal.userId) throw new AppError('NOT_FOUND')
  return row
}

export async function listMyThreads(ctx: Ctx, principal: Principal, query: ThreadQuery): Promise<ThreadPage> {
  const limit = query.limit ?? 20
  const key = decodeCursor(query.cursor)
  const [lastMessageAt, id] = key ? key.split('|') : []
  if (key && (!lastMessageAt || !id)) throw fieldError('querystring.cursor', '分页参数无效')
  const rows = await threadsRepo.listResidentThreads(ctx.db, {
    userId: principal.userId,
    status: query.status,
    after: key ? { lastMessageAt: lastMessageAt!, id: id! } : null,
    limit
  })
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items: items.map(toThread),
    nextCursor: rows.length > limit && last ? encodeCursor(`${last.lastMessageAt}|${last.id}`) : null
  }
}

export async function getMyThread(ctx: Ctx, principal: Principal, threadId: string): Promise<Thread> {
  return toThread(await myThread(ctx, principal, threadId))
}

/** The messages of my thread by seq, after `afterSeq` (catch-up after a reconnect); internal notes never. */
export async function listMyMessages(
  ctx: Ctx,
  principal: Principal,
  threadId: string,
  query: MessageQuery
): Promise<MessagePage> {
  await myThread(ctx, principal, threadId)
  const limit = query.limit ?? DEFAULT_MESSAGE_PAGE
  const rows = await threadsRepo.listPublicMessages(ctx.db, threadId, query.afterSeq ?? 0, limit)
  const items = await withAttachments(ctx, rows.slice(0, limit))
  const last = items[items.length - 1]
  return { items: items.map(toMessage), nextCursor: rows.length > limit && last ? String(last.seq) : null }
}

/** The resident writes: a pending or resolved thread opens again and the assignee is told. */
export async function postMyMessage(
  ctx: LiveCtx,
  principal: Principal,
  threadId: string,
  body: PostMessageBody,
  idempotency: IdempotentRequest | null = null
): Promise<Message> {
  // The transaction checks that the thread is mine (404 before the key is looked at) and answers its view as
  // committed: no read before or after it.
  const outcome = await changes.postResidentMessage(
    ctx.db,
    {
      threadId,
      userId: principal.userId,
      body: text(body.body, 'body.body', '请输入内容'),
      attachmentIds: body.attachmentIds ?? []
    },
    idempotency && { request: idempotency, respond: answerOf((added: ResidentMessageAdded) => toMessage(added.entry)) }
  )
  if (outcome === 'replay') throw new IdempotentReplay()
  if (!outcome.ok) fail(outcome)
  const { entry, thread } = outcome.value
  live.entryAdded(ctx, thread, entry)
  return toMessage(entry)
}

/** Marks my thread read up to `seq` (never backwards, never past the last message). */
export async function markMyThreadRead(ctx: LiveCtx, principal: Principal, threadId: string, seq: number) {
  await myThread(ctx, principal, threadId)
  await changes.markRead(ctx.db, { threadId, userId: principal.userId, seq })
  // The resident's other devices update their badge.
  const thread = await threadsRepo.findThreadView(ctx.db, threadId)
  if (thread) live.threadChanged(ctx, thread, { resident: true, staff: false })
}

/** 1–5, once, when the thread is resolved. */
export async function rateMyThread(
  ctx: LiveCtx,
  principal: Principal,
  threadId: string,
  body: RateThreadBody
): Promise<ThreadRating> {
  await myThread(ctx, principal, threadId)
  const outcome = await changes.rateThread(ctx.db, { threadId, userId: principal.userId, score: body.score })
  if (!outcome.ok) fail(outcome)
  const thread = await threadsRepo.findThreadView(ctx.db, threadId)
  if (thread) live.threadChanged(ctx, thread, { resident: true, staff: true })
  return { threadId, score: body.score, createdAt: outcome.value.ratedAt }
}

/**
 * Whether someone may see a thread (and so the photos attached to it): its resident, and staff who act for its
 * center. Handed to uploads by app.ts.
 */
export async function canSeeThread(ctx: Ctx, principal: Principal, threadId: string) {
  const row = await threadsRepo.findThreadView(ctx.db, threadId)
  if (!row) return false
  if (principal.role === 'staff' || principal.role === 'admin') return canActOnCenter(principal, row.centerId)
  return row.residentUserId === principal.userId && !row.erasedAt
}

// Data export and account closing (hooks.ts).

export async function exportThreads(ctx: Ctx, userId: string) {
  return (await threadsRepo.listThreadsForExport(ctx.db, userId)).map(toThread)
}

/** Every message of my threads that I could see, with its thread id: never an internal note. */
export async function exportMessages(ctx: Ctx, userId: string) {
  const rows = await withAttachments(ctx, await threadsRepo.listPublicMessagesForExport(ctx.db, userId))
  return rows.map((row) => ({ threadId: row.threadId, ...toMessage(row) }))
}

export async function eraseClosingAccount(ctx: Ctx, userId: string) {
  await eraseResidentThreads(ctx.db, userId)
}

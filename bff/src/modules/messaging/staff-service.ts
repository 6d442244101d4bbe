import {
  maskName,
  type AssignThreadBody,
  type CannedReply,
  type CannedReplyList,
  type CreateCannedReplyBody,
  type StaffMessage,
  type StaffMessagePage,
  type StaffMessageQuery,
  type StaffPostMessageBody,
  type StaffRefList,
  type StaffThread,
  type StaffThreadDetail,
  type StaffThreadPage,
  type StaffThreadQuery,
  type ThreadStatus
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError, IdempotentReplay } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { decodeCursor, encodeCursor } from '../../lib/pagination'
import type { Principal } from '../../lib/principal'
import { canActOnCenter, seesEverything } from '../../lib/scope'
import { upcomingBookingsOf } from '../booking/service'
import type { IdempotentRequest } from '../platform/idempotency-repo'
import { findCenter } from '../reference/service'
import * as canned from './canned-replies-repo'
import { live, type LiveCtx } from './live'
import type { Refusal } from './outcome'
import { answerOf, replayIfAnswered, withAttachments } from './service'
import * as changes from './thread-changes-repo'
import type { StaffEntryAdded } from './thread-changes-repo'
import * as threadsRepo from './threads-repo'
import { toStaffMessage, toStaffThread } from './views'

// The staff inbox. Staff see and act on their own center's threads (another center's: 404); staff of the
// city-level center and admins on every center's. Every write is audited in its own transaction.

const DEFAULT_ENTRY_PAGE = 50
const UPCOMING_BOOKINGS_SHOWN = 10

function fail(refusal: Refusal): never {
  throw new AppError(refusal.code, refusal.details ?? {}, refusal.message)
}

const audit = (
  principal: Principal,
  action: string,
  entity: string,
  entityId: string,
  detail: Record<string, unknown>
) => ({
  actorId: principal.userId,
  actorRole: principal.role,
  action,
  entity,
  entityId,
  detail
})

async function threadInScope(ctx: Ctx, principal: Principal, threadId: string) {
  const row = await threadsRepo.findThreadView(ctx.db, threadId)
  if (!row || !canActOnCenter(principal, row.centerId)) throw new AppError('NOT_FOUND')
  return row
}

/** The center whose queue is asked for: any (or the one named) for those who see everything, else their own. */
function queueCenter(principal: Principal, centerId: string | undefined): string | null {
  if (seesEverything(principal)) return centerId ?? null
  if (!principal.center) throw new AppError('FORBIDDEN', {}, '您的账号未关联服务中心，请联系管理员')
  if (centerId && centerId !== principal.center.id) throw new AppError('FORBIDDEN', {}, '只能查看本服务中心的咨询')
  return principal.center.id
}

/** The queue: longest-waiting first, each with its SLA due time and state. Paged by an opaque cursor. */
export async function listQueue(ctx: Ctx, principal: Principal, query: StaffThreadQuery): Promise<StaffThreadPage> {
  const limit = query.limit ?? 20
  const key = decodeCursor(query.cursor)
  const offset = key === null ? 0 : Number(key)
  if (!Number.isSafeInteger(offset) || offset < 0) throw fieldError('querystring.cursor', '分页参数无效')
  const rows = await threadsRepo.listStaffQueue(ctx.db, {
    centerId: queueCenter(principal, query.centerId),
    status: query.status,
    assignee:
      query.assignee === 'me'
        ? { userId: principal.userId }
        : query.assignee === 'unassigned'
          ? 'unassigned'
          : undefined,
    offset,
    limit
  })
  const now = new Date().toISOString()
  return {
    items: rows.slice(0, limit).map((row) => toStaffThread(row, now)),
    nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null
  }
}

/** A thread with what helps answer it: the asker's veteran, their upcoming bookings, the policy asked about. */
export async function getThread(ctx: Ctx, principal: Principal, threadId: string): Promise<StaffThreadDetail> {
  const row = await threadInScope(ctx, principal, threadId)
  const bookings = row.erasedAt
    ? []
    : await upcomingBookingsOf(ctx, { userId: row.residentUserId, veteranId: row.veteranId }, UPCOMING_BOOKINGS_SHOWN)
  return {
    ...toStaffThread(row, new Date().toISOString()),
    veteran:
      row.veteranId && row.veteranName && row.veteranDistrictCode && row.veteranCategory
        ? {
            id: row.veteranId,
            nameMasked: maskName(row.veteranName),
            districtCode: row.veteranDistrictCode,
            category: row.veteranCategory
          }
        : null,
    // Staff see bookings of the centers they act for, as on the day board.
    upcomingBookings: bookings.filter((b) => canActOnCenter(principal, b.centerId))
  }
}

/** Every entry of a thread by position, internal notes included and flagged. */
export async function listEntries(
  ctx: Ctx,
  principal: Principal,
  threadId: string,
  query: StaffMessageQuery
): Promise<StaffMessagePage> {
  await threadInScope(ctx, principal, threadId)
  const limit = query.limit ?? DEFAULT_ENTRY_PAGE
  const rows = await threadsRepo.listAllEntries(ctx.db, threadId, query.afterPosition ?? 0, limit)
  const items = await withAttachments(ctx, rows.slice(0, limit))
  const last = items[items.length - 1]
  return { items: items.map(toStaffMessage), nextCursor: rows.length > limit && last ? String(last.position) : null }
}

/** A reply (the thread becomes pending, or resolved when asked) or an internal note (seen by staff only). */
export async function postEntry(
  ctx: LiveCtx,
  principal: Principal,
  threadId: string,
  body: StaffPostMessageBody,
  idempotency: IdempotentRequest | null = null
): Promise<StaffMessage> {
  await threadInScope(ctx, principal, threadId)
  await replayIfAnswered(ctx, idempotency)
  const internal = body.internal ?? false
  if (internal && body.resolve) throw fieldError('body.resolve', '内部备注不能同时办结，请先备注，再修改状态')
  const text = body.body.trim()
  if (!text) throw fieldError('body.body', '请输入内容')
  const outcome = await changes.postStaffEntry(
    ctx.db,
    {
      threadId,
      staffUserId: principal.userId,
      body: text,
      internal,
      resolve: body.resolve ?? false,
      audit: audit(principal, internal ? 'messaging.note' : 'messaging.reply', 'thread', threadId, {
        resolve: body.resolve ?? false
      })
    },
    idempotency && { request: idempotency, respond: answerOf((added: StaffEntryAdded) => toStaffMessage(added.entry)) }
  )
  if (outcome === 'replay') throw new IdempotentReplay()
  if (!outcome.ok) fail(outcome)
  live.entryAdded(ctx, outcome.value.thread, outcome.value.entry)
  return toStaffMessage(outcome.value.entry)
}

/** Whom the thread can be given to: the staff of its center, and me (city-level staff and admins serve every center). */
export async function listAssignees(ctx: Ctx, principal: Principal, threadId: string): Promise<StaffRefList> {
  const row = await threadInScope(ctx, principal, threadId)
  const items = await threadsRepo.listStaffOfCenter(ctx.db, row.centerId)
  if (!items.some((s) => s.id === principal.userId))
    items.unshift({ id: principal.userId, displayName: principal.displayName })
  return { items }
}

/** Assigns the thread to me, or to a colleague who serves its center (or the whole city). */
export async function assign(
  ctx: LiveCtx,
  principal: Principal,
  threadId: string,
  body: AssignThreadBody
): Promise<StaffThread> {
  const row = await threadInScope(ctx, principal, threadId)
  const staffId = body.staffId ?? principal.userId
  if (staffId !== principal.userId) {
    const colleague = await threadsRepo.findStaffAccount(ctx.db, staffId)
    if (!colleague) throw fieldError('body.staffId', '没有这位工作人员')
    const serves =
      colleague.role === 'admin' || colleague.centerId === row.centerId || (await isCityCenter(ctx, colleague.centerId))
    if (!serves)
      throw fieldError('body.staffId', '这位工作人员不属于该咨询所在的服务中心，请选择本中心或市级中心的同事')
  }
  const outcome = await changes.assignThread(ctx.db, {
    threadId,
    assigneeId: staffId,
    actorId: principal.userId,
    actorName: principal.displayName,
    audit: audit(principal, 'messaging.assign', 'thread', threadId, { assigneeId: staffId })
  })
  if (!outcome.ok) fail(outcome)
  live.threadChanged(ctx, outcome.value, { resident: false, staff: true })
  return toStaffThread(outcome.value, new Date().toISOString())
}

async function isCityCenter(ctx: Ctx, centerId: string | null) {
  if (!centerId) return false
  return (await findCenter(ctx.db, centerId))?.level === 'city'
}

export async function setStatus(
  ctx: LiveCtx,
  principal: Principal,
  threadId: string,
  status: ThreadStatus
): Promise<StaffThread> {
  await threadInScope(ctx, principal, threadId)
  const outcome = await changes.setThreadStatus(ctx.db, {
    threadId,
    status,
    audit: audit(principal, 'messaging.status', 'thread', threadId, { status })
  })
  if (!outcome.ok) fail(outcome)
  live.threadChanged(ctx, outcome.value, { resident: true, staff: true })
  return toStaffThread(outcome.value, new Date().toISOString())
}

// Canned replies, team-wide.

export async function listCannedReplies(ctx: Ctx): Promise<CannedReplyList> {
  return { items: (await canned.listCannedReplies(ctx.db)).map(toCannedReply) }
}

export async function createCannedReply(
  ctx: Ctx,
  principal: Principal,
  body: CreateCannedReplyBody
): Promise<CannedReply> {
  const title = body.title.trim()
  const text = body.body.trim()
  if (!title) throw fieldError('body.title', '请填写标题')
  if (!text) throw fieldError('body.body', '请填写回复内容')
  const id = newId()
  const row = await canned.insertCannedReply(
    ctx.db,
    { id, title, body: text, createdBy: principal.userId, createdAt: new Date().toISOString() },
    audit(principal, 'messaging.canned_reply.create', 'canned_reply', id, { title })
  )
  return toCannedReply(row)
}

const toCannedReply = (row: { id: string; title: string; body: string; createdAt: string }): CannedReply => ({
  id: row.id,
  title: row.title,
  body: row.body,
  createdAt: row.createdAt
})

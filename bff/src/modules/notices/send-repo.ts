import type { ErrorCode, NoticeSendResult, NoticeStatus } from '@veterans/shared'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import { query } from '../../db/query'
import { errorBody, AppError } from '../../lib/app-error'
import { insertAudit, type AuditEntryInput } from '../platform/audit-repo'
import { idempotencyKeyUsedIn, recordIdempotentResponseIn, type IdempotentRequest } from '../platform/idempotency-repo'
import { startSendingIn } from './notices-repo'

// city_wide reads as 0/1 on SQLite and as a boolean on PostgreSQL: only its truth is used.
const STATE_SQL = 'SELECT status, city_wide AS cityWide FROM notices WHERE id = ?'

export type SendOutcome =
  | { ok: true; value: NoticeSendResult }
  | { ok: false; code: ErrorCode; message?: string; details?: Record<string, unknown> }

/**
 * Sending starts, in one BEGIN IMMEDIATE transaction: the Idempotency-Key is claimed, the notice must still be
 * ready to send (a draft of a district, or an approved city-wide one), and the audience's count (taken just before,
 * in chunks that do not hold the event loop) is fixed.
 * Of concurrent sends only the first finds it ready; the others see 'sending' and are refused (409), and a retry
 * with a key already answered gets 'replay' (its first answer is sent again). The fan-out runs after the commit.
 */
export async function startSending(
  db: Db,
  input: { id: string; recipientCount: number; audit: AuditEntryInput },
  idempotency: IdempotentRequest | null
): Promise<SendOutcome | 'replay'> {
  return groupCommit(db, async (tx) => {
    if (idempotency && (await idempotencyKeyUsedIn(tx, idempotency.scope))) return 'replay'
    const now = new Date().toISOString()
    const outcome = await (async (): Promise<SendOutcome> => {
      const state = await query<{ status: NoticeStatus; cityWide: number | boolean }>(tx, STATE_SQL).get(input.id)
      if (!state) return { ok: false, code: 'NOT_FOUND' }
      if (state.status === 'sending' || state.status === 'sent')
        return { ok: false, code: 'INVALID_STATE', message: '这条通知已经发送，不能重复发送' }
      if (state.cityWide && state.status !== 'approved')
        return { ok: false, code: 'INVALID_STATE', message: '全市范围的通知需经另一位工作人员审核通过后才能发送' }
      if (!state.cityWide && state.status !== 'draft' && state.status !== 'approved')
        return { ok: false, code: 'INVALID_STATE' }
      const count = input.recipientCount
      if (count === 0)
        return {
          ok: false,
          code: 'INVALID_STATE',
          message: '按当前范围没有可以接收的人，请调整发送范围后再发送'
        }
      await startSendingIn(tx, input.id, state.status, count, now)
      await insertAudit(tx, { ...input.audit, detail: { ...input.audit.detail, recipientCount: count } }, now)
      return { ok: true, value: { recipientCount: count, status: 'sending' } }
    })()
    if (idempotency) {
      const answer = outcome.ok
        ? { status: 200, body: outcome.value }
        : (() => {
            const error = new AppError(outcome.code, outcome.details ?? {}, outcome.message)
            return { status: error.status, body: errorBody(error) }
          })()
      await recordIdempotentResponseIn(tx, idempotency, answer.status, answer.body, now)
    }
    return outcome
  })
}

import type { FastifyBaseLogger } from 'fastify'
import { beijingDateOf, beijingTimeOf } from '@veterans/shared'
import type { Db } from '../../db/client'
import { groupCommit } from '../../db/group-commit'
import type { Realtime } from '../../plugins/realtime'
import { enqueuePushes } from '../push/enqueue'
import { audiencePageIn, type ResolvedAudience } from './audience-repo'
import {
  advanceCursorIn,
  findNotice,
  finishSendingIn,
  listSendingIds,
  sendStateIn,
  type NoticeRow
} from './notices-repo'
import { deliverIn } from './recipients-repo'
import { summaryOf, toListItem } from './views'

// The fan-out of a notice being sent: batches of recipients in user id order, each batch in its own transaction
// that puts the notice in their inboxes (INSERT OR IGNORE: a batch done before a restart is never done twice),
// queues their WeChat messages and moves the notice's cursor. Between batches the event loop serves other requests;
// after each commit that batch's people get the live frame. The notice's row is the job: 'sending' with a cursor
// is resumed when the app starts, and a batch reads the cursor inside its transaction, so two runners (two
// instances, or a resume racing a send) take turns rather than doing a batch twice.

/** People per batch: a batch's transaction takes about 8–16 ms (tests/bench/notices.bench.ts), well under 50 ms. */
export const FANOUT_BATCH = 4000

export interface FanoutDeps {
  db: Db
  log: FastifyBaseLogger
  /** Absent in an app built without realtime: people see new notices when they next look. */
  realtime?: Realtime
  /** The notice's audience with its linked policy's eligibility read (the policies service knows it). */
  resolveAudience(notice: NoticeRow): Promise<ResolvedAudience>
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class NoticeFanout {
  private readonly running = new Map<string, Promise<void>>()
  private stopped = false

  constructor(private readonly deps: FanoutDeps) {}

  /** Starts (or keeps running) the fan-out of a notice that is 'sending'. */
  start(noticeId: string) {
    if (this.stopped || this.running.has(noticeId)) return
    const run = this.run(noticeId)
      .catch((err: unknown) => this.deps.log.error({ err, noticeId }, 'notice fan-out stopped; it resumes on restart'))
      .finally(() => this.running.delete(noticeId))
    this.running.set(noticeId, run)
  }

  /** Every notice left 'sending' (by a restart) goes on from its cursor. */
  async resumeAll() {
    for (const id of await listSendingIds(this.deps.db)) this.start(id)
  }

  /** Finishes the batch in hand and stops; what is left resumes when the app starts again. */
  async stop() {
    this.stopped = true
    await Promise.allSettled([...this.running.values()])
  }

  private async run(noticeId: string) {
    const { db, realtime } = this.deps
    const found = await findNotice(db, noticeId)
    if (!found || found.notice.status !== 'sending' || !found.notice.sentAt) return
    const notice = found.notice
    const audience = await this.deps.resolveAudience(notice)
    const sentAt = notice.sentAt!
    const frame = {
      type: 'notice.created',
      notice: toListItem({ ...notice, sentAt, readAt: null })
    }
    const push = {
      kind: 'notice' as const,
      sourceType: 'notice' as const,
      sourceId: notice.id,
      fields: {
        title: notice.title,
        summary: summaryOf(notice.body),
        sender: notice.senderName,
        time: `${beijingDateOf(sentAt)} ${beijingTimeOf(sentAt)}`
      },
      page: `messages/pages/notice/index?id=${notice.id}`
    }

    while (!this.stopped) {
      const batch = await groupCommit(db, async (tx) => {
        const state = await sendStateIn(tx, noticeId)
        if (state?.status !== 'sending') return null
        const userIds = await audiencePageIn(tx, audience, state.fanoutCursor ?? '', FANOUT_BATCH)
        const now = new Date().toISOString()
        if (userIds.length > 0) {
          await deliverIn(tx, noticeId, userIds, now)
          await advanceCursorIn(tx, noticeId, userIds[userIds.length - 1]!)
          await enqueuePushes(tx, { ...push, userIds, at: now })
        }
        const last = userIds.length < FANOUT_BATCH
        if (last) await finishSendingIn(tx, noticeId, now)
        return { userIds, last }
      })
      if (!batch) return
      if (batch.userIds.length > 0) realtime?.publish({ userIds: batch.userIds }, frame)
      if (batch.last) return
      await nextTurn()
    }
  }
}

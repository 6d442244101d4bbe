import fp from 'fastify-plugin'
import { createJobRunner, type JobHandler, type JobRunner } from '../modules/jobs/runner'
import { attachPushChannel, type PushChannel } from '../modules/push/channel'
import { createPushSender, type PushSender } from '../modules/push/sender'
import { loadTemplates } from '../modules/push/templates'
import { createWechatPushClient } from '../modules/push/wechat-push-client'

declare module 'fastify' {
  interface FastifyInstance {
    /** Due jobs (reminders): `runDue()` runs what is due by app.clock(); a timer calls it every JOB_POLL_MS. */
    jobs: JobRunner & {
      /** One round of the timer: due jobs, then due WeChat deliveries. */
      tick(): Promise<void>
    }
    /** The WeChat subscription channel: on with WeChat credentials; `sendDue()` sends the deliveries due now. */
    push: PushSender & { channel: PushChannel }
  }
}

export interface DueJobsOptions {
  /** What each kind of job does (reminder …), composed in app.ts. */
  handlers: Record<string, JobHandler>
}

/**
 * Work that is due at a time — jobs in the due_jobs table and WeChat deliveries — done by a poller on the app's
 * clock. Every instance may poll: claims are leased in the database, so none is done twice and a crashed
 * instance's work is taken over.
 */
export default fp<DueJobsOptions>(
  async (app, options) => {
    const channel: PushChannel = { enabled: app.config.wechat.mode === 'real', templates: loadTemplates() }
    attachPushChannel(app.db, channel)

    const runner = createJobRunner(app.db, app.clock, app.log)
    for (const [kind, handler] of Object.entries(options.handlers)) runner.register(kind, handler)

    const wechat = app.config.wechat
    const sender: PushSender =
      wechat.mode === 'real'
        ? createPushSender({
            db: app.db,
            client: createWechatPushClient(wechat, app.clock),
            templates: channel.templates,
            clock: app.clock,
            miniprogramState: app.config.wechatMiniprogramState,
            log: app.log
          })
        : { sendDue: async () => 0 }

    let running: Promise<void> | null = null
    const tick = () => {
      // A slow round (WeChat busy) is not overlapped by the next one.
      running ??= (async () => {
        try {
          await runner.runDue()
          await sender.sendDue()
        } catch (err) {
          app.log.error({ err }, 'due work failed')
        } finally {
          running = null
        }
      })()
      return running
    }

    app.decorate('jobs', Object.assign(runner, { tick }))
    app.decorate('push', Object.assign(sender, { channel }))

    const timer = setInterval(() => void tick(), app.config.jobs.pollMs)
    timer.unref()
    app.addHook('onClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'due-jobs', dependencies: ['db'] }
)

import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config'
import { loggerOptions } from './lib/logger'
import { lazyChildLoggers } from './lib/lazy-child-logger'
import { requestIds } from './lib/ids'
import { validatorCompiler } from './lib/validator'
import { answerFrameworkError } from './lib/framework-errors'
import { composeHooks, type CapabilityHooks } from './capability-hooks'
import dbPlugin from './plugins/db'
import errorsPlugin from './plugins/errors'
import securityPlugin from './plugins/security'
import compressionPlugin from './plugins/compression'
import docsPlugin from './plugins/docs'
import authPlugin from './plugins/auth'
import idempotencyPlugin from './plugins/idempotency'
import housekeepingPlugin from './plugins/housekeeping'
import dueJobsPlugin from './plugins/due-jobs'
import backupsPlugin from './plugins/backups'
import { remindVisit, REMINDER_JOB } from './modules/booking/reminders'
import staticH5Plugin from './plugins/static-h5'
import realtimePlugin from './plugins/realtime'
import { createInProcessPubSub, connectRedisPubSub, type PubSub } from './lib/pubsub/index'
import { createDevWechatClient, createWechatClient, type WechatClient } from './modules/auth/wechat-client'
import authRoutes from './modules/auth/routes'
import meRoutes from './modules/me/routes'
import { getMe } from './modules/me/service'
import referenceRoutes from './modules/reference/routes'
import registryRoutes from './modules/registry/routes'
import adminRoutes from './modules/admin/routes'
import statsRoutes from './modules/stats/routes'
import notificationsRoutes from './modules/notifications/routes'
import { notificationsHooks } from './modules/notifications/hooks'
import bookingRoutes from './modules/booking/routes'
import { bookingHooks } from './modules/booking/hooks'
import policiesRoutes from './modules/policies/routes'
import { policiesHooks } from './modules/policies/hooks'
import messagingRoutes from './modules/messaging/routes'
import { messagingHooks } from './modules/messaging/hooks'
import { canSeeThread } from './modules/messaging/service'
import opsRoutes from './modules/ops/routes'
import uploadsRoutes from './modules/uploads/routes'
import noticesRoutes from './modules/notices/routes'
import pushRoutes from './modules/push/routes'
import { uploadsHooks } from './modules/uploads/hooks'
import { noticesHooks } from './modules/notices/hooks'
import { seedDemoData } from './db/seed/index'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    /** Milliseconds since the epoch: what due jobs (reminders, quiet hours) count from; tests move it. */
    clock: () => number
  }
}

export interface BuildOptions {
  /** Replace the WeChat client (tests use the real client against a local wire-format server instead). */
  wechat?: WechatClient
  /** Where log lines go (default stdout); tests read them to check redaction. */
  logStream?: { write(line: string): void }
  /** How instances share realtime events (default: Redis when REDIS_URL is set, else in-process). */
  pubsub?: PubSub
  /** The time due jobs run by (default: the system clock); tests pass a controllable one. */
  clock?: () => number
}

/** Composes the BFF from its plugins and capability modules. Does not listen: server.ts and tests do that. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestIds(),
    childLoggerFactory: lazyChildLoggers,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    frameworkErrors: answerFrameworkError
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)

  app.decorate('config', config)
  app.decorate('clock', options.clock ?? (() => Date.now()))
  app.decorate(
    'wechat',
    options.wechat ?? (config.wechat.mode === 'real' ? createWechatClient(config.wechat) : createDevWechatClient())
  )

  await app.register(dbPlugin)
  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(compressionPlugin)
  await app.register(docsPlugin)
  await app.register(authPlugin)
  await app.register(idempotencyPlugin)
  await app.register(housekeepingPlugin)
  await app.register(dueJobsPlugin, { handlers: { [REMINDER_JOB]: remindVisit } })
  await app.register(backupsPlugin)
  const onHandlerError = (err: unknown) => app.log.error({ err }, 'realtime subscriber failed')
  await app.register(realtimePlugin, {
    pubsub:
      options.pubsub ??
      (config.redis
        ? await connectRedisPubSub({
            ...config.redis,
            onHandlerError,
            onConnectionError: (err) => app.log.warn({ err }, 'redis pub/sub connection failed')
          })
        : createInProcessPubSub(onHandlerError))
  })

  // What capabilities add to each other, composed here (nothing registers itself at import time). Demo data is
  // seeded, and the data export lists its sections, in this order:
  // - notifications: export section `notifications`
  // - booking: demo slots and bookings; export sections `bookings`, `waitlist`; releases a closed account's places
  // - policies: demo policies
  // - messaging: demo threads and canned replies; export sections `threads`, `threadMessages`; erases a closed
  //   account's words from its threads
  // - realtime: a closed account's sockets are closed at once
  // - uploads: a closed account's photos are deleted
  const realtimeHooks: CapabilityHooks = {
    closeAccount: async (_ctx, userId) => app.realtime.endSessions({ userIds: [userId] })
  }
  const hooks = composeHooks([
    notificationsHooks,
    bookingHooks,
    policiesHooks,
    messagingHooks,
    realtimeHooks,
    uploadsHooks,
    noticesHooks
  ])

  await app.register(
    async (api) => {
      // Token pairs describe the signed-in person as GET /me does; auth itself does not depend on me.
      // A login that ends (logout, a reused refresh token) closes its sockets at once.
      await api.register(authRoutes, {
        describeUser: getMe,
        sessionEnded: (sessionId) => app.realtime.endSessions({ sessionIds: [sessionId] })
      })
      await api.register(meRoutes, {
        exportSections: hooks.exportSections,
        accountClosingSteps: hooks.accountClosingSteps,
        loginsEnded: (sessionIds) => app.realtime.endSessions({ sessionIds })
      })
      await api.register(referenceRoutes)
      await api.register(registryRoutes)
      // Staff accounts an admin switched off, moved or reset lose their open sockets at once.
      await api.register(adminRoutes, { sessionsEnded: (userIds) => app.realtime.endSessions({ userIds }) })
      await api.register(statsRoutes)
      await api.register(notificationsRoutes)
      await api.register(bookingRoutes)
      await api.register(policiesRoutes)
      await api.register(messagingRoutes)
      await api.register(noticesRoutes)
      await api.register(pushRoutes)
      // Messaging decides who sees a thread, and so its photos; uploads does not read messaging's tables.
      await api.register(uploadsRoutes, {
        canSeeThread: (principal, threadId) => canSeeThread(app, principal, threadId)
      })
    },
    { prefix: '/api/v1' }
  )
  await app.register(opsRoutes)
  await app.register(staticH5Plugin)

  if (config.seed === 'demo') await seedDemoData(app, hooks.seedSteps)
  return app
}

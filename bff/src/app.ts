import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config'
import { loggerOptions } from './lib/logger'
import { requestIds } from './lib/ids'
import { validatorCompiler } from './lib/validator'
import { composeHooks } from './capability-hooks'
import dbPlugin from './plugins/db'
import errorsPlugin from './plugins/errors'
import securityPlugin from './plugins/security'
import docsPlugin from './plugins/docs'
import authPlugin from './plugins/auth'
import idempotencyPlugin from './plugins/idempotency'
import housekeepingPlugin from './plugins/housekeeping'
import staticH5Plugin from './plugins/static-h5'
import { createDevWechatClient, createWechatClient, type WechatClient } from './modules/auth/wechat-client'
import authRoutes from './modules/auth/routes'
import meRoutes from './modules/me/routes'
import { getMe } from './modules/me/service'
import referenceRoutes from './modules/reference/routes'
import registryRoutes from './modules/registry/routes'
import adminRoutes from './modules/admin/routes'
import notificationsRoutes from './modules/notifications/routes'
import { notificationsHooks } from './modules/notifications/hooks'
import bookingRoutes from './modules/booking/routes'
import { bookingHooks } from './modules/booking/hooks'
import policiesRoutes from './modules/policies/routes'
import { policiesHooks } from './modules/policies/hooks'
import opsRoutes from './modules/ops/routes'
import { seedDemoData } from './db/seed/index'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}

export interface BuildOptions {
  /** Replace the WeChat client (tests use the real client against a local wire-format server instead). */
  wechat?: WechatClient
  /** Where log lines go (default stdout); tests read them to check redaction. */
  logStream?: { write(line: string): void }
}

/** Composes the BFF from its plugins and capability modules. Does not listen: server.ts and tests do that. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestIds(),
    bodyLimit: 1024 * 1024
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)

  app.decorate('config', config)
  app.decorate(
    'wechat',
    options.wechat ?? (config.wechat.mode === 'real' ? createWechatClient(config.wechat) : createDevWechatClient())
  )

  await app.register(dbPlugin)
  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(docsPlugin)
  await app.register(authPlugin)
  await app.register(idempotencyPlugin)
  await app.register(housekeepingPlugin)

  // What capabilities add to each other, composed here (nothing registers itself at import time). Demo data is
  // seeded, and the data export lists its sections, in this order:
  // - notifications: export section `notifications`
  // - booking: demo slots and bookings; export sections `bookings`, `waitlist`; releases a closed account's places
  // - policies: demo policies
  const hooks = composeHooks([notificationsHooks, bookingHooks, policiesHooks])

  await app.register(
    async (api) => {
      // Token pairs describe the signed-in person as GET /me does; auth itself does not depend on me.
      await api.register(authRoutes, { describeUser: getMe })
      await api.register(meRoutes, { exportSections: hooks.exportSections, accountClosingSteps: hooks.accountClosingSteps })
      await api.register(referenceRoutes)
      await api.register(registryRoutes)
      await api.register(adminRoutes)
      await api.register(notificationsRoutes)
      await api.register(bookingRoutes)
      await api.register(policiesRoutes)
    },
    { prefix: '/api/v1' }
  )
  await app.register(opsRoutes)
  await app.register(staticH5Plugin)

  if (config.seed === 'demo') await seedDemoData(app, hooks.seedSteps)
  return app
}

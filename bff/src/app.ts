import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config'
import { loggerOptions } from './lib/logger'
import { requestIds } from './lib/ids'
import { validatorCompiler } from './lib/validator'
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
import referenceRoutes from './modules/reference/routes'
import registryRoutes from './modules/registry/routes'
import adminRoutes from './modules/admin/routes'
import notificationsRoutes from './modules/notifications/routes'
import bookingRoutes from './modules/booking/routes'
import policiesRoutes from './modules/policies/routes'
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

  await app.register(
    async (api) => {
      await api.register(authRoutes)
      await api.register(meRoutes)
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

  if (config.seed === 'demo') await seedDemoData(app)
  return app
}

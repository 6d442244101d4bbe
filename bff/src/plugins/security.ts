import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import sensible from '@fastify/sensible'
import { AppError, errorBody } from '../lib/app-error'
import { staticSecurityHeaders } from '../lib/security-headers'
import { connectRedis, quitRedis } from '../lib/redis-connection'

/**
 * Security headers (helmet's, computed once), rate limits and back-pressure. The general limit is per address and generous, because many
 * honest people share one carrier-NAT address; sign-in routes add tighter limits keyed on the account or code.
 */
export default fp(
  async (app) => {
    await app.register(sensible)
    const securityHeaders = staticSecurityHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          // blob: the browser build reads a chosen photo back from its blob: URL before uploading it (Taro.uploadFile).
          connectSrc: ["'self'", 'blob:', 'ws:', 'wss:'],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"]
        }
      },
      crossOriginEmbedderPolicy: false
    })
    // JSON answers are not documents: CSP and framing rules mean nothing there, so the API gets a short set.
    const apiHeaders = {
      'x-content-type-options': 'nosniff',
      'strict-transport-security': securityHeaders['strict-transport-security']!,
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store'
    }
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(request.url.startsWith('/api/') ? apiHeaders : securityHeaders)
      done()
    })
    if (app.config.rateLimits) {
      await app.register(rateLimit, {
        global: true,
        max: 1200,
        timeWindow: '1 minute',
        ...(await sharedCounters(app)),
        errorResponseBuilder: (_request, context) =>
          new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(context.ttl / 1000) })
      })
    }
    await app.register(underPressure, {
      // Tests seed a database synchronously right before their first request; that is not overload.
      maxEventLoopDelay: app.config.env === 'test' ? 0 : 2000,
      retryAfter: 5,
      pressureHandler: (_request, reply) => {
        reply
          .code(503)
          .header('retry-after', '5')
          .send(errorBody({ code: 'OVERLOADED' }))
      }
    })
  },
  { name: 'security', dependencies: ['errors'] }
)

/**
 * With several instances (REDIS_URL) the counters live in Redis, so a limit holds whichever instance answers.
 * While Redis is unreachable requests are served unlimited rather than refused: limits guard, they do not gate.
 */
async function sharedCounters(app: FastifyInstance) {
  const settings = app.config.redis
  if (!settings) return {}
  // While Redis is unreachable a command fails at once instead of waiting in a queue: no request is held up.
  const redis = await connectRedis(
    settings.url,
    `${settings.prefix}rate-limit`,
    (err) => app.log.warn({ err }, 'redis rate-limit connection failed'),
    { enableOfflineQueue: false, maxRetriesPerRequest: 0 }
  )
  app.addHook('onClose', () => quitRedis(redis))
  return { redis, nameSpace: `${settings.prefix}rate-limit:`, skipOnError: true }
}

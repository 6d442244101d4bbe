import fp from 'fastify-plugin'
import { pruneFailedAttempts } from '../modules/platform/attempts-repo'
import { pruneIdempotencyKeys } from '../modules/platform/idempotency-repo'

const HOUR = 60 * 60 * 1000

/** Forgets what is only kept for a while: failed attempts after a day, idempotency keys after 48 hours. */
export default fp(
  async (app) => {
    const run = async () => {
      const now = Date.now()
      await pruneFailedAttempts(app.db, new Date(now - 24 * HOUR).toISOString())
      await pruneIdempotencyKeys(app.db, new Date(now - 48 * HOUR).toISOString())
    }
    const timer = setInterval(() => run().catch((err) => app.log.error({ err }, 'housekeeping failed')), HOUR)
    timer.unref()
    app.addHook('onClose', async () => clearInterval(timer))
  },
  { name: 'housekeeping', dependencies: ['db'] }
)

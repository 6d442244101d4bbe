import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import path from 'node:path'
import { errorBody } from '../lib/app-error'

/** A file whose name carries its content hash never changes: cache it for a year. The page itself is checked each time. */
export function cacheControlOf(filePath: string): string {
  const name = path.basename(filePath).replace(/\.(br|gz)$/, '')
  if (name === 'index.html') return 'no-cache'
  if (/\.[0-9a-f]{8,}\.(js|css|png|jpe?g|svg|woff2?)$/.test(name)) return 'public, max-age=31536000, immutable'
  return 'public, max-age=3600'
}

/**
 * Serves the H5 build at `/` with history-API fallback: any GET outside /api that is not a file gets index.html,
 * so deep links such as /pages/me/index work on reload. Everything else answers the contract's 404.
 */
export default fp(
  async (app) => {
    const root = app.config.h5Dir
    if (root) {
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        // Files are looked up per request, so an H5 rebuild is served without restarting the BFF.
        wildcard: true,
        index: ['index.html'],
        // The build writes .br and .gz copies (miniapp/scripts/precompress-h5.mjs): sent to browsers that accept them.
        preCompressed: true,
        maxAge: '1h',
        setHeaders(res, filePath) {
          res.header('cache-control', cacheControlOf(filePath))
        }
      })
    }
    app.setNotFoundHandler({ preHandler: undefined }, async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/'
      const wantsPage = request.method === 'GET' && !url.startsWith('/api/') && !path.extname(url)
      if (root && wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html', root)
      return reply.code(404).send(errorBody({ code: 'NOT_FOUND' }))
    })
  },
  { name: 'static-h5', dependencies: ['errors'] }
)

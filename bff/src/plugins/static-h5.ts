import fp from 'fastify-plugin'
import fastifyStatic from '@fastify/static'
import path from 'node:path'
import { errorBody } from '../lib/app-error'

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
        maxAge: '1h',
        setHeaders(res, filePath) {
          if (filePath.endsWith('index.html')) res.header('cache-control', 'no-cache')
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

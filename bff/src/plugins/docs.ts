import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

/**
 * OpenAPI generated from the route schemas, at /openapi.json, with its UI at /docs. A copy is checked in as
 * shared/openapi.json (`pnpm --filter @veterans/bff openapi` writes it; a test fails when it is stale).
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'M City veterans service platform — BFF',
          version: '1.0.0',
          description:
            'HTTP contract of the mini-program and staff workspace. Errors: `{ error: { code, message, details } }`.'
        },
        servers: [{ url: '/' }],
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }
        }
      },
      hideUntagged: false,
      // Shared schemas are listed under their $id ("Me") rather than by position ("def-0"), so a name in the
      // contract stays put when another schema is added.
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`)
      }
    })
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } })
    app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger())
  },
  { name: 'docs' }
)

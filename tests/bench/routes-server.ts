// The server process of routes.bench.ts: the real BFF, run from source (tsx), as production runs it
// (NODE_ENV=production, LOG_LEVEL=warn, synchronous FULL by default) on the seeded file database; and beside it a
// bare Fastify server (the same Fastify) whose routes have the same URLs and answer the same JSON as the real
// ones, with no authentication, validation or database: the baseline. Only one of the two is loaded at a time.
import { createRequire } from 'node:module'

export interface ServeRequest {
  type: 'serve'
  /** GET URLs to answer on the bare server, as the real server answers them to `token`. */
  samples: { url: string; token: string }[]
  bookingAnswer: Record<string, unknown>
  messageAnswer: Record<string, unknown>
}
export type ServerMessage =
  { type: 'ready'; port: number; barePort: number; bytes: Record<string, number> } | { type: 'error'; message: string }

interface BareRequest {
  url: string
  body: unknown
}
interface BareReply {
  code(status: number): BareReply
  send(body?: unknown): unknown
}
type BareHandler = (request: BareRequest, reply: BareReply) => Promise<unknown>
interface BareServer {
  get(url: string, handler: BareHandler): void
  post(url: string, handler: BareHandler): void
  listen(options: { port: number; host: string }): Promise<string>
  close(): Promise<void>
  server: { address(): unknown }
}

async function serve(request: ServeRequest) {
  const { buildApp } = await import('@veterans/bff')
  const { loadConfig } = await import('@veterans/bff/config')
  const { testEnv } = await import('@veterans/bff/testing')
  // Fastify as the BFF itself resolves it.
  const Fastify = createRequire(createRequire(import.meta.url).resolve('@veterans/bff'))('fastify') as (options: {
    logger: boolean
  }) => BareServer

  // The test keys (the seeding signed the tokens with them); everything else as in production.
  const config = loadConfig(
    testEnv({
      NODE_ENV: 'production',
      WECHAT_DEV_MODE: '1',
      DATABASE_URL: `file:${process.env.BENCH_DB}`,
      SEED: 'none',
      DEMO_PASSWORD: undefined,
      LOG_LEVEL: 'warn',
      RATE_LIMITS: 'off'
    })
  )
  const app = await buildApp(config)
  await app.listen({ port: 0, host: '127.0.0.1' })

  // Starting up (loading the code) can hold the event loop long enough for @fastify/under-pressure to answer 503
  // OVERLOADED until its next sample on a busy machine: ask again for a while.
  const sample = async (url: string, token: string) => {
    for (let tries = 0; ; tries++) {
      const answer = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
      if (answer.statusCode !== 503 || tries === 50) return answer
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  const answers = new Map<string, unknown>()
  const bytes: Record<string, number> = {}
  for (const { url, token } of request.samples) {
    const real = await sample(url, token)
    if (real.statusCode !== 200) throw new Error(`GET ${url}: ${real.statusCode} ${real.body.slice(0, 300)}`)
    answers.set(url, JSON.parse(real.body))
    bytes[url] = Buffer.byteLength(real.body)
  }

  const bare = Fastify({ logger: false })
  const answer: BareHandler = async (req, reply) => {
    const body = answers.get(req.url)
    return body === undefined ? reply.code(404).send() : body
  }
  for (const path of new Set(request.samples.map((s) => s.url.split('?')[0]!))) bare.get(path, answer)
  // The POST routes take the same JSON body and answer a 201 of the same shape and size.
  let seq = 0
  bare.post('/api/v1/bookings', async (req, reply) =>
    reply.code(201).send({ ...request.bookingAnswer, slotId: (req.body as { slotId: string }).slotId })
  )
  bare.post('/api/v1/threads/:id/messages', async (req, reply) =>
    reply.code(201).send({ ...request.messageAnswer, seq: ++seq, body: (req.body as { body: string }).body })
  )
  await bare.listen({ port: 0, host: '127.0.0.1' })

  const portOf = (server: { server: { address(): unknown } }) => (server.server.address() as { port: number }).port
  process.send!({ type: 'ready', port: portOf(app), barePort: portOf(bare), bytes } satisfies ServerMessage)
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return
    void Promise.all([bare.close(), app.close()]).then(() => process.exit(0))
  })
}

process.once('message', (message: ServeRequest) => {
  serve(message).catch((error: Error) => {
    process.send?.({ type: 'error', message: error.stack ?? error.message } satisfies ServerMessage)
    process.exit(1)
  })
})

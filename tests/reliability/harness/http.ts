// A small keep-alive HTTP client that never throws: a refused connection, a reset (the server was killed) or a
// timeout is an answer with status 0, so that load generators can count them like any other outcome.
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface Answer {
  /** HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number
  body: string
  headers: http.IncomingHttpHeaders
  ms: number
  /** Why no answer came (status 0). */
  failure?: string
}

export interface RequestOptions {
  token?: string
  /** JSON body; or a raw body with its content type. */
  json?: unknown
  raw?: { contentType: string; bytes: Buffer }
  idempotencyKey?: string
  timeoutMs?: number
}

export class HttpClient {
  private readonly agent: http.Agent

  constructor(
    readonly port: number,
    maxSockets = 128
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets })
  }

  request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const payload =
      options.raw?.bytes ?? (options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json)))
    const headers: Record<string, string> = {}
    if (payload) {
      headers['content-type'] = options.raw?.contentType ?? 'application/json'
      headers['content-length'] = String(payload.length)
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
    const started = performance.now()
    return new Promise((resolve) => {
      let settled = false
      const settle = (answer: Omit<Answer, 'ms'>) => {
        if (settled) return
        settled = true
        resolve({ ...answer, ms: performance.now() - started })
      }
      const request = http.request(
        { host: '127.0.0.1', port: this.port, path, method, agent: this.agent, headers },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            settle({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: response.headers
            })
          )
          response.on('error', (error) => settle({ status: 0, body: '', headers: {}, failure: error.message }))
        }
      )
      request.setTimeout(options.timeoutMs ?? 30_000, () => request.destroy(new Error('timeout')))
      request.on('error', (error) => settle({ status: 0, body: '', headers: {}, failure: error.message }))
      request.end(payload)
    })
  }

  get(path: string, token?: string) {
    return this.request('GET', path, { token })
  }

  post(path: string, token: string | undefined, json: unknown, idempotencyKey?: string) {
    return this.request('POST', path, { token, json, idempotencyKey })
  }

  close() {
    this.agent.destroy()
  }
}

/** The answer's JSON when it has the expected status; otherwise an error naming what came instead. */
export function expectJson<T>(answer: Answer, status: number, what: string): T {
  if (answer.status !== status)
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.failure ?? answer.body.slice(0, 300)}`)
  return (answer.body ? JSON.parse(answer.body) : null) as T
}

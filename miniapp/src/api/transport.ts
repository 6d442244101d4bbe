/**
 * The HTTP seam of the API client. Production code passes the Taro.request transport; unit tests pass a fake, so the
 * client's logic (refresh, retries, error mapping) is tested without Taro or a network.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface HttpRequest {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  /** A JSON-serialisable body; undefined for GET. */
  body?: unknown
  timeoutMs: number
}

export interface HttpResponse {
  status: number
  /** Parsed JSON, or null when the body was empty or not JSON. */
  body: unknown
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>

/** The request never got an HTTP answer: no network, DNS failure, connection reset, or timeout. */
export class NetworkError extends Error {
  constructor(
    readonly kind: 'offline' | 'timeout',
    detail = ''
  ) {
    super(`network ${kind}${detail ? `: ${detail}` : ''}`)
    this.name = 'NetworkError'
  }
}

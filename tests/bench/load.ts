// HTTP load for routes.bench.ts: autocannon in this process, a route and its bare twin measured in alternating
// rounds, so that a change in the machine's load (other processes) falls on both alike.
import { createRequire } from 'node:module'

// autocannon ships no types; this is the part of its API used here.
interface LoadRequest {
  method?: string
  setupRequest?: (
    request: { path?: string; headers?: Record<string, string>; body?: string },
    context: Record<string, unknown>
  ) => unknown
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
interface LoadResult {
  requests: { total: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration?: number
  amount?: number
  timeout?: number
  requests: LoadRequest[]
}) => Promise<LoadResult>

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

export const CONNECTIONS = 50

/** What one request of a load looks like: its path and headers, and its JSON body for a POST. */
export interface PlannedRequest {
  path: string
  headers: Record<string, string>
  body?: string
}

/** One measured round: requests over the time from the first request to the last answer. */
export interface Round {
  total: number
  seconds: number
  p50: number
  p99: number
  non2xx: number
  errors: number
  statuses: Record<number, number>
}

/**
 * Sends `request(i)` for i = 0, 1, … at CONNECTIONS connections, for `seconds` (reads) or `amount` requests (writes,
 * which each need a request of their own). Statuses are counted for amounts, or when `countStatuses` (it costs the
 * client a body read per answer).
 */
export async function loadRound(
  port: number,
  method: 'GET' | 'POST',
  request: (i: number) => PlannedRequest,
  limit: { seconds: number } | { amount: number },
  countStatuses = false
): Promise<Round> {
  let next = 0
  let lastAnswerAt = 0
  const statuses: Record<number, number> = {}
  const started = performance.now()
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    timeout: 30,
    ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.amount }),
    requests: [
      {
        method,
        setupRequest: (raw) => {
          const planned = request(next++)
          raw.path = planned.path
          raw.headers = { ...raw.headers, ...planned.headers }
          if (planned.body !== undefined) {
            raw.headers['content-type'] = 'application/json'
            raw.body = planned.body
          }
          return raw
        },
        ...(countStatuses || 'amount' in limit
          ? {
              onResponse: (status: number) => {
                lastAnswerAt = performance.now()
                statuses[status] = (statuses[status] ?? 0) + 1
              }
            }
          : {})
      }
    ]
  })
  // autocannon notices that `amount` is reached only on its one-second tick: time an amount to its last answer.
  const seconds = 'seconds' in limit ? limit.seconds : (lastAnswerAt - started) / 1000
  return {
    total: result.requests.total,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses
  }
}

/** Rounds of one measurement as one: requests over their total time, the mean p50 and the worst round's p99. */
export function combine(rounds: Round[]) {
  const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0)
  const statuses: Record<number, number> = {}
  for (const r of rounds) for (const [s, n] of Object.entries(r.statuses)) statuses[+s] = (statuses[+s] ?? 0) + n
  return {
    total: sum((r) => r.total),
    perSecond: sum((r) => r.total) / sum((r) => r.seconds),
    p50: sum((r) => r.p50) / rounds.length,
    p99: Math.max(...rounds.map((r) => r.p99)),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    statuses
  }
}
export type Measured = ReturnType<typeof combine>

// Counts what a load produced, by route: statuses, answers that never came, latencies; and prints it as a table.
import { quantile } from '../../bench/messaging-clients'
import type { Answer } from './http'

interface RouteTally {
  statuses: Map<number, number>
  latencies: number[]
}

export class Tally {
  private readonly routes = new Map<string, RouteTally>()
  /** A few examples of 5xx and missing answers, to say what went wrong. */
  readonly samples: string[] = []

  record(route: string, answer: Answer) {
    let tally = this.routes.get(route)
    if (!tally) this.routes.set(route, (tally = { statuses: new Map(), latencies: [] }))
    tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1)
    if (answer.status > 0) tally.latencies.push(answer.ms)
    if ((answer.status >= 500 || answer.status === 0) && this.samples.length < 10)
      this.samples.push(`${route} → ${answer.status} ${answer.failure ?? answer.body.slice(0, 200)}`)
  }

  get fired() {
    return this.count(() => true)
  }
  get serverErrors() {
    return this.count((status) => status >= 500)
  }
  get unanswered() {
    return this.count((status) => status === 0)
  }

  /** Answers of `route` (or every route) with a status matching `which`. */
  count(which: (status: number) => boolean, route?: string) {
    let n = 0
    for (const [name, tally] of this.routes)
      if (!route || name === route) for (const [status, k] of tally.statuses) if (which(status)) n += k
    return n
  }

  /** One line per route: requests, statuses, latency p50/p99 (ms). */
  table(): string {
    const rows = [...this.routes].sort(([a], [b]) => a.localeCompare(b))
    const width = Math.max(...rows.map(([name]) => name.length), 5)
    const lines = [`${'route'.padEnd(width)}  requests  statuses                         p50 ms  p99 ms`]
    for (const [name, tally] of rows) {
      const total = [...tally.statuses.values()].reduce((a, b) => a + b, 0)
      const statuses = [...tally.statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, k]) => `${status}×${k}`)
        .join(' ')
      lines.push(
        `${name.padEnd(width)}  ${String(total).padStart(8)}  ${statuses.padEnd(31)}  ${quantile(tally.latencies, 0.5).toFixed(1).padStart(6)}  ${quantile(tally.latencies, 0.99).toFixed(1).padStart(6)}`
      )
    }
    return lines.join('\n')
  }
}

import fc from 'fast-check'
import type { buildTestApp, Session } from '@veterans/bff/testing'
import { Callers, ENDS_OWN_ACCOUNT, validIds } from './callers'
import { errorBodyProblem } from './error-body'
import type { Operation } from './operations'
import { fixedRequests } from './fixed-requests'
import { requestArbitrary, type FuzzRequest } from './requests'
import type { TableWrites } from './table-writes'
import { preview } from './values'

type App = Awaited<ReturnType<typeof buildTestApp>>

/**
 * Tables a refused request may write, because recording refusals is their job:
 * - failed_attempts: failed sign-ins and identity checks are counted to lock out guessing (TOO_MANY_ATTEMPTS);
 * - idempotency_keys, only for a request that sent an Idempotency-Key: the first answer, a refusal too, is what a
 *   retry with that key gets (API.md, Conventions).
 * Nothing else may change.
 */
export function mayRecordRefusal(table: string, request: FuzzRequest): boolean {
  return table === 'failed_attempts' || (table === 'idempotency_keys' && 'idempotency-key' in request.headers)
}

export interface Totals {
  operations: number
  requests: number
  '2xx': number
  '3xx': number
  '4xx': number
  '5xx': number
  refusedWithWrites: number
  /** Operations fuzzed as each account (`public`: without a token). */
  callers: Record<string, number>
}

/** Whether a request left properties on Object.prototype or Array.prototype; removes them, so one finding stays one. */
function removePollution(): boolean {
  let found = false
  for (const prototype of [Object.prototype, Array.prototype] as Record<string, unknown>[]) {
    for (const key of Object.keys(prototype)) {
      found = true
      delete prototype[key]
    }
  }
  return found || ({} as Record<string, unknown>).polluted !== undefined
}

/**
 * Waits until the app has stopped writing: what a request left to run after its answer. A 202 started an import job
 * (the contract's only 202), which reads its file between writes: it is waited for until it has ended.
 */
async function settle(app: App, writes: TableWrites, background: boolean) {
  const running = app.sqlite.prepare("SELECT count(*) FROM import_jobs WHERE status = 'running'").pluck()
  const deadline = Date.now() + 10_000
  while (background && (running.get() as number) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  let last = -1
  while (writes.count() !== last) {
    last = writes.count()
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Sends generated and fixed hostile requests to one operation after another, and says what went wrong. */
export class Fuzzer {
  readonly totals: Totals = {
    operations: 0,
    requests: 0,
    '2xx': 0,
    '3xx': 0,
    '4xx': 0,
    '5xx': 0,
    refusedWithWrites: 0,
    callers: {}
  }
  readonly callers: Callers

  constructor(
    private readonly app: App,
    private readonly writes: TableWrites,
    private readonly options: { numRuns: number; seed: number }
  ) {
    this.callers = new Callers(app)
  }

  /** Problems found on this operation (empty: none), each with the request that showed it. */
  async fuzz(op: Operation): Promise<string[]> {
    this.totals.operations += 1
    const ids = validIds(this.app, op)
    const probeUrl = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => ids[name]?.[0] ?? 'x')
    const endsAccount = ENDS_OWN_ACCOUNT.has(op.name)
    const name = endsAccount ? 'throwaway' : await this.callers.choose(op, probeUrl)
    this.totals.callers[name ?? 'public'] = (this.totals.callers[name ?? 'public'] ?? 0) + 1
    let caller = name === 'throwaway' ? await this.callers.throwaway() : name ? await this.callers.session(name) : null

    const problems: string[] = []
    const send = async (request: FuzzRequest): Promise<string | null> => {
      const problem = await this.check(request, caller)
      if (endsAccount && problem.succeeded) caller = await this.callers.throwaway()
      if (problem.text) problems.push(problem.text)
      return problem.text
    }
    for (const request of fixedRequests(op, ids)) await send(request)
    const property = fc.asyncProperty(requestArbitrary(op, ids), async (request) => {
      const problem = await send(request)
      if (problem) throw new Error(problem)
    })
    // No shrinking: a counterexample is already a single request, described in full by its problem.
    const run = await fc.check(property, { numRuns: this.options.numRuns, seed: this.options.seed, endOnFailure: true })
    if (run.failed && problems.length === 0) problems.push(`the fuzzer itself failed: ${String(run.errorInstance)}`)
    return problems.slice(0, 5).map((p) => `${op.name} (seed ${this.options.seed}): ${p}`)
  }

  private async check(
    request: FuzzRequest,
    caller: Session | null
  ): Promise<{ text: string | null; succeeded: boolean }> {
    this.writes.take()
    const headers = { ...request.headers, ...(caller ? { authorization: `Bearer ${caller.accessToken}` } : {}) }
    const response = await this.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers,
      payload: request.payload
    })
    await settle(this.app, this.writes, response.statusCode === 202)
    const written = this.writes.take()
    const status = response.statusCode
    this.totals.requests += 1
    this.totals[`${Math.floor(status / 100)}xx` as '2xx'] += 1

    const said = () =>
      `${request.method} ${request.url.slice(0, 160)}${request.url.length > 160 ? '…' : ''} [${request.note}] ` +
      `body ${preview(request.payload)} → ${status} ${response.body.slice(0, 300)}`
    let problem: string | null = null
    if (status >= 500) problem = 'a 5xx'
    else if (status >= 400) {
      problem = errorBodyProblem(status, response.body)
      const stored = written.filter((table) => !mayRecordRefusal(table, request))
      if (stored.length > 0) {
        this.totals.refusedWithWrites += 1
        problem ??= `refused, yet wrote to ${stored.join(', ')}`
      }
    }
    if (removePollution()) problem ??= 'Object.prototype or Array.prototype was polluted'
    return { text: problem ? `${problem}: ${said()}` : null, succeeded: status < 300 }
  }
}

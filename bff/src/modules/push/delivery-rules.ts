import type { SendResult } from './wechat-push-client'

// What a send's answer means for the delivery: sent, tried again later, or given up. Refusals that would only
// repeat themselves (the person refused, the data is wrong, the openid is not this app's) are not retried.

const PERMANENT = new Set([43101, 47003, 40003])
/** After the first try: 1 min, 5 min, 30 min, 2 h; the fifth failure is final. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000]
export const MAX_ATTEMPTS = 5

export type DeliveryOutcome =
  | { status: 'sent' }
  | { status: 'failed_temporary'; retryInMs: number; error: string }
  | { status: 'failed_permanent'; error: string }

export function outcomeOf(result: SendResult, attempts: number): DeliveryOutcome {
  if (result.errcode === 0) return { status: 'sent' }
  const error = result.errcode === 'network' ? 'network: no answer' : `errcode ${result.errcode}`
  if (typeof result.errcode === 'number' && PERMANENT.has(result.errcode)) return { status: 'failed_permanent', error }
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed_permanent', error: `${error} (${attempts} attempts)` }
  return { status: 'failed_temporary', retryInMs: BACKOFF_MS[attempts - 1] ?? BACKOFF_MS.at(-1)!, error }
}

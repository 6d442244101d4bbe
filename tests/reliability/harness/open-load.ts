// An open-model load generator: requests start at a fixed rate whether or not earlier ones have been answered, as
// real people arrive (a closed loop would slow down with the server and hide its stalls).
import { performance } from 'node:perf_hooks'

export interface OpenLoadOptions {
  /** Requests started per second. */
  rate: number
  durationMs: number
  /** Starts one request; its promise settles when it is answered (it must not reject). */
  fire: (index: number) => Promise<void>
  /** Checked between starts: stop early (a crash test that has just killed the server). */
  stopped?: () => boolean
  /** Requests started together each tick (default 1 per tick of 5 ms): bursts put more of them in flight at once. */
  burst?: number
}

export interface OpenLoadRun {
  /** Resolves when every started request has settled: how many were started. */
  done: Promise<number>
  inFlight(): number
}

export function openLoad(options: OpenLoadOptions): OpenLoadRun {
  const tickMs = options.burst ? (options.burst * 1000) / options.rate : 5
  const pending = new Set<Promise<void>>()
  let started = 0
  const t0 = performance.now()
  const done = new Promise<number>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - t0
      const finished = elapsed >= options.durationMs || options.stopped?.()
      // Catch up with the schedule after a late timer: the rate is kept over the run, not per tick.
      const due = finished ? started : Math.floor((elapsed * options.rate) / 1000)
      while (started < due) {
        const request = options.fire(started++)
        pending.add(request)
        void request.finally(() => pending.delete(request))
      }
      if (!finished) return void setTimeout(tick, tickMs)
      void Promise.all([...pending]).then(() => resolve(started))
    }
    tick()
  })
  return { done, inFlight: () => pending.size }
}

// Loaded into the BFF's process by the reliability tests (node --import): measures its event-loop delay and answers
// the test over the IPC channel. Nothing of it is in the server's code or its HTTP API.
import { monitorEventLoopDelay } from 'node:perf_hooks'

export interface LoopDelay {
  p50: number
  p99: number
  max: number
}

export type LoopDelayMessage = { type: 'loop-delay'; delay: LoopDelay } | { type: 'error'; message: string }

const histogram = monitorEventLoopDelay({ resolution: 10 })
histogram.enable()

const ms = (ns: number) => Math.round(ns / 1e4) / 100

process.on('message', (message: { type?: string; reset?: boolean }) => {
  if (message.type !== 'loop-delay') return
  const delay: LoopDelay = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max)
  }
  if (message.reset) histogram.reset()
  process.send?.({ type: 'loop-delay', delay } satisfies LoopDelayMessage)
})
// The channel must not keep the server alive on its own: SIGTERM still ends it when its work is done.
process.channel?.unref()

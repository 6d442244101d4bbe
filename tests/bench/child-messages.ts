// The benches run their servers in a child process and talk to it by IPC messages with a `type`.
import type { ChildProcess } from 'node:child_process'

/** The next message of `type` from the server process; rejects on its `error` message or on its exit. */
export function waitForMessage<M extends { type: string }, T extends M['type']>(
  child: ChildProcess,
  type: T
): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: M & { message?: string }) => {
      if (message.type === 'error') reject(new Error(message.message))
      if (message.type === type) {
        child.off('message', onMessage)
        resolve(message as Extract<M, { type: T }>)
      }
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)))
  })
}

/**
 * A bench file is both the load generator and, forked with BENCH_ROLE=server, its server: runs this process's part.
 * A server that fails tells the generator (an `error` message, which waitForMessage rejects with) and exits.
 */
export function runBenchRole(parts: { serve: () => Promise<void>; main: () => Promise<void> }) {
  if (process.env.BENCH_ROLE === 'server') {
    parts.serve().catch((error: Error) => {
      process.send?.({ type: 'error', message: error.stack ?? error.message })
      process.exit(1)
    })
  } else {
    parts.main().catch((error: Error) => {
      console.error(error)
      process.exit(1)
    })
  }
}

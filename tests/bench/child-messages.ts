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

import type { PubSub, PubSubHandler } from './pubsub'

/**
 * The pub/sub of a single instance: subscribers in this process, called in subscription order. A handler that
 * throws does not keep the others from their payload; onHandlerError hears about it.
 */
export function createInProcessPubSub(onHandlerError: (error: unknown) => void = () => {}): PubSub {
  const channels = new Map<string, Set<PubSubHandler>>()
  let closed = false

  return {
    async publish(channel, payload) {
      if (closed) return
      for (const handler of [...(channels.get(channel) ?? [])]) {
        try {
          handler(payload)
        } catch (error) {
          onHandlerError(error)
        }
      }
    },
    async subscribe(channel, handler) {
      if (closed) throw new Error('pub/sub is closed')
      // A set per channel: the same function subscribed twice gets its own entry through a wrapper.
      const entry: PubSubHandler = (payload) => handler(payload)
      let handlers = channels.get(channel)
      if (!handlers) channels.set(channel, (handlers = new Set()))
      handlers.add(entry)
      return () => {
        handlers.delete(entry)
        if (handlers.size === 0 && channels.get(channel) === handlers) channels.delete(channel)
      }
    },
    async close() {
      closed = true
      channels.clear()
    }
  }
}

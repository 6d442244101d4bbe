import { connectRedis, quitRedis } from '../redis-connection'
import type { PubSub, PubSubHandler } from './pubsub'

export interface RedisPubSubOptions {
  /** redis:// or rediss:// URL. */
  url: string
  /** Starts every channel name, so deployments (or test runs) sharing one Redis do not hear each other. */
  prefix: string
  /** A subscriber that threw; the others still get the payload. */
  onHandlerError?: (error: unknown) => void
  /** A connection failed or was lost; ioredis reconnects (and resubscribes) by itself. */
  onConnectionError?: (error: unknown) => void
}

/**
 * The pub/sub of several instances: Redis PUBLISH/SUBSCRIBE. Two connections, because a subscribed connection can
 * run nothing but (un)subscribe. Both are connected before this resolves, so a wrong REDIS_URL stops the start;
 * later ioredis reconnects and resubscribes by itself, queueing what is published meanwhile. Payloads lost in an
 * outage are caught up by clients (by sequence number on reconnect) and realtime's heartbeat re-checks sessions.
 */
export async function connectRedisPubSub({
  url,
  prefix,
  onHandlerError = () => {},
  onConnectionError = () => {}
}: RedisPubSubOptions): Promise<PubSub> {
  const publisher = await connectRedis(url, `${prefix}publisher`, onConnectionError)
  const subscriber = await connectRedis(url, `${prefix}subscriber`, onConnectionError).catch((error: unknown) => {
    publisher.disconnect()
    throw error
  })

  /** Handlers by prefixed channel name; a channel is subscribed in Redis while it has any. */
  const channels = new Map<string, Set<PubSubHandler>>()
  let closed = false

  subscriber.on('message', (channel: string, payload: string) => {
    for (const handler of [...(channels.get(channel) ?? [])]) {
      try {
        handler(payload)
      } catch (error) {
        onHandlerError(error)
      }
    }
  })

  return {
    async publish(channel, payload) {
      if (closed) return
      await publisher.publish(prefix + channel, payload)
    },
    async subscribe(channel, handler) {
      if (closed) throw new Error('pub/sub is closed')
      const name = prefix + channel
      // A wrapper per subscription: the same function subscribed twice gets two entries.
      const entry: PubSubHandler = (payload) => handler(payload)
      let handlers = channels.get(name)
      if (!handlers) channels.set(name, (handlers = new Set()))
      handlers.add(entry)
      // SUBSCRIBE again for every handler (Redis ignores a repeat): none resolves before Redis delivers to it.
      try {
        await subscriber.subscribe(name)
      } catch (error) {
        handlers.delete(entry)
        if (handlers.size === 0 && channels.get(name) === handlers) channels.delete(name)
        throw error
      }
      return () => {
        handlers.delete(entry)
        if (handlers.size > 0 || channels.get(name) !== handlers) return
        channels.delete(name)
        if (!closed) subscriber.unsubscribe(name).catch(onConnectionError)
      }
    },
    async close() {
      if (closed) return
      closed = true
      channels.clear()
      await Promise.all([publisher, subscriber].map(quitRedis))
    }
  }
}

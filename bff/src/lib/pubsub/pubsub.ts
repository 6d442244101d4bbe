/** Called with each payload published on a channel the handler subscribed to. */
export type PubSubHandler = (payload: string) => void

/**
 * Publish/subscribe between the BFF's instances. Realtime fan-out goes through it, so that every instance
 * delivers a frame to the sockets it holds. One process uses the in-process implementation; several instances
 * need a shared one (e.g. Redis), chosen in app.ts, without any capability noticing.
 */
export interface PubSub {
  /** Hands the payload to every subscriber of the channel, on every instance. */
  publish(channel: string, payload: string): Promise<void>
  /** Starts delivering the channel's payloads to handler; resolves to a function that stops it. */
  subscribe(channel: string, handler: PubSubHandler): Promise<() => void>
  /** Stops all delivery and releases connections. */
  close(): Promise<void>
}

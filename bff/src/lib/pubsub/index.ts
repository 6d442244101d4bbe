export type { PubSub, PubSubHandler } from './pubsub'
export { createInProcessPubSub } from './in-process'
export { connectRedisPubSub, type RedisPubSubOptions } from './redis'

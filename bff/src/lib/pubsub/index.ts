export type { PubSub, PubSubHandler } from './pubsub'
export { createInProcessPubSub } from './in-process'

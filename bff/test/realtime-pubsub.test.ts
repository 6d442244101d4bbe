import { describe, expect, it } from 'vitest'
import { createInProcessPubSub } from '../src/lib/pubsub/index'

describe('in-process pub/sub', () => {
  it('hands a payload to the subscribers of its channel only, until they unsubscribe', async () => {
    const pubsub = createInProcessPubSub()
    const heard: string[] = []
    const stop = await pubsub.subscribe('a', (payload) => heard.push(`a1:${payload}`))
    await pubsub.subscribe('a', (payload) => heard.push(`a2:${payload}`))
    await pubsub.subscribe('b', (payload) => heard.push(`b:${payload}`))

    await pubsub.publish('a', 'one')
    stop()
    await pubsub.publish('a', 'two')
    expect(heard).toEqual(['a1:one', 'a2:one', 'a2:two'])
  })

  it('keeps delivering when a subscriber throws, and reports the failure', async () => {
    const failures: unknown[] = []
    const pubsub = createInProcessPubSub((error) => failures.push(error))
    const heard: string[] = []
    await pubsub.subscribe('a', () => {
      throw new Error('broken subscriber')
    })
    await pubsub.subscribe('a', (payload) => heard.push(payload))
    await pubsub.publish('a', 'one')
    expect(heard).toEqual(['one'])
    expect(failures).toHaveLength(1)
  })

  it('delivers nothing once closed', async () => {
    const pubsub = createInProcessPubSub()
    const heard: string[] = []
    await pubsub.subscribe('a', (payload) => heard.push(payload))
    await pubsub.close()
    await pubsub.publish('a', 'late')
    expect(heard).toEqual([])
    await expect(pubsub.subscribe('a', () => {})).rejects.toThrow()
  })
})

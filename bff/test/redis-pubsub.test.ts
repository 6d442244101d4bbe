import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { connectRedisPubSub, type PubSub } from '../src/lib/pubsub/index'
import { connectRedis, TEST_REDIS_URL, uniquePrefix, until } from './redis-helpers'

// The Redis pub/sub between instances: two of them stand for two BFF processes.
let redis: Redis
const opened: PubSub[] = []
const open = async (prefix: string, onHandlerError?: (error: unknown) => void) => {
  const pubsub = await connectRedisPubSub({ url: TEST_REDIS_URL, prefix, onHandlerError })
  opened.push(pubsub)
  return pubsub
}
/** The clients connected with this prefix (their connection names start with it). */
const clientsOf = async (prefix: string) =>
  ((await redis.client('LIST')) as string)
    .split('\n')
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1] ?? '', name: /\bname=(\S*)/.exec(line)?.[1] ?? '' }))
    .filter((client) => client.name.startsWith(prefix))
    .sort((x, y) => x.name.localeCompare(y.name))
const namesOf = async (prefix: string) => (await clientsOf(prefix)).map((client) => client.name)

beforeAll(async () => {
  redis = await connectRedis()
})
afterAll(async () => {
  await Promise.all(opened.map((p) => p.close()))
  redis.disconnect()
})

describe('Redis pub/sub', () => {
  it('hands a payload to the subscribers of its channel on every instance, until they unsubscribe', async () => {
    const prefix = uniquePrefix('pubsub')
    const [a, b] = await Promise.all([open(prefix), open(prefix)])
    const heard: string[] = []
    const stop = await a.subscribe('x', (payload) => heard.push(`a:${payload}`))
    await b.subscribe('x', (payload) => heard.push(`b:${payload}`))
    await b.subscribe('y', (payload) => heard.push(`y:${payload}`))

    await b.publish('x', 'one')
    await until(() => heard.length === 2)
    stop()
    await a.publish('x', 'two')
    await until(() => heard.length === 3)
    expect(heard.sort()).toEqual(['a:one', 'b:one', 'b:two'])
  })

  it('does not hear another prefix', async () => {
    const [mine, theirs] = await Promise.all([open(uniquePrefix('mine')), open(uniquePrefix('theirs'))])
    const heard: string[] = []
    await mine.subscribe('x', (payload) => heard.push(payload))
    await theirs.publish('x', 'not for you')
    await mine.publish('x', 'mine')
    await until(() => heard.length === 1)
    expect(heard).toEqual(['mine'])
  })

  it('keeps delivering when a subscriber throws, and reports the failure', async () => {
    const failures: unknown[] = []
    const pubsub = await open(uniquePrefix('throws'), (error) => failures.push(error))
    const heard: string[] = []
    await pubsub.subscribe('x', () => {
      throw new Error('broken subscriber')
    })
    await pubsub.subscribe('x', (payload) => heard.push(payload))
    await pubsub.publish('x', 'one')
    await until(() => heard.length === 1)
    expect(failures).toHaveLength(1)
  })

  it('reconnects and resubscribes when its connections are cut', async () => {
    const prefix = uniquePrefix('cut')
    const pubsub = await open(prefix)
    const heard: string[] = []
    await pubsub.subscribe('x', (payload) => heard.push(payload))
    const before = await clientsOf(prefix)
    expect(before.map((client) => client.name)).toEqual([`${prefix}publisher`, `${prefix}subscriber`])

    for (const { id } of before) await redis.client('KILL', 'ID', id)
    await until(async () => (await clientsOf(prefix)).every((client) => !before.some((b) => b.id === client.id)))
    await until(async () => (await redis.pubsub('NUMSUB', `${prefix}x`))[1] === 1)
    await pubsub.publish('x', 'after the cut')
    await until(() => heard.length === 1)
    expect(heard).toEqual(['after the cut'])
  })

  it('quits both connections on close and delivers nothing more', async () => {
    const prefix = uniquePrefix('close')
    const pubsub = await open(prefix)
    const heard: string[] = []
    await pubsub.subscribe('x', (payload) => heard.push(payload))
    await pubsub.close()
    await until(async () => (await namesOf(prefix)).length === 0)
    await pubsub.publish('x', 'late')
    expect(heard).toEqual([])
    await expect(pubsub.subscribe('x', () => {})).rejects.toThrow()
  })
})

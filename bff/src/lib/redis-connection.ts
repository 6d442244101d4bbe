import { Redis, type RedisOptions } from 'ioredis'

/**
 * A Redis connection, connected before it is returned so that a wrong REDIS_URL stops the start with a clear
 * error. After that ioredis reconnects by itself; each failure goes to onConnectionError (without a listener
 * ioredis prints every failed attempt to the console).
 */
export async function connectRedis(
  url: string,
  name: string,
  onConnectionError: (error: unknown) => void,
  options: RedisOptions = {}
): Promise<Redis> {
  const redis = new Redis(url, { ...options, connectionName: name, lazyConnect: true })
  redis.on('error', onConnectionError)
  try {
    await redis.connect()
  } catch (error) {
    redis.disconnect()
    throw new Error(`Redis at REDIS_URL is unreachable: ${String(error)}`, { cause: error })
  }
  return redis
}

/** QUIT lets Redis finish what was sent; a connection that is down is simply dropped. */
export async function quitRedis(redis: Redis) {
  if (redis.status !== 'ready') return redis.disconnect()
  await redis.quit().catch(() => redis.disconnect())
}

import { randomBytes, randomInt } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * Opaque, unguessable identifiers that still sort by creation time (ULID layout: 48-bit time + 80 random bits),
 * so lists can page by id without exposing a counter. Ids made in the same millisecond by this process also sort in
 * the order they were made (newest-first lists would otherwise mix them): the random part then grows from the last
 * one by a random step, so the next id is still not guessable from the one before.
 */
export function newId(now: number = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const random = now === last.time ? after(last.random) : freshRandom()
  last.time = now
  last.random = random
  return time + encode(random)
}

const RANDOM_LIMIT = 1n << 80n
const last = { time: -1, random: 0n }

function freshRandom(): bigint {
  const bytes = randomPool(10)
  const value = BigInt(`0x${bytes.subarray(pool.offset, pool.offset + 10).toString('hex')}`)
  pool.offset += 10
  return value
}

/** A random step of up to 2^40 past the previous value (a fresh value in the unlikely case it would overflow). */
function after(previous: bigint): bigint {
  const bytes = randomPool(5)
  const step = 1n + BigInt(`0x${bytes.subarray(pool.offset, pool.offset + 5).toString('hex')}`)
  pool.offset += 5
  const next = previous + step
  return next < RANDOM_LIMIT ? next : freshRandom()
}

function encode(random: bigint): string {
  let text = ''
  for (let i = 0; i < 16; i++) {
    text = CROCKFORD[Number(random & 31n)] + text
    random >>= 5n
  }
  return text
}

/** Random bytes fetched a page at a time: one call to the system's generator for many ids. */
const pool = { bytes: Buffer.alloc(0), offset: 0 }
function randomPool(wanted: number): Buffer {
  if (pool.offset + wanted > pool.bytes.length) {
    pool.bytes = randomBytes(4096)
    pool.offset = 0
  }
  return pool.bytes
}

/** A random token for bearer secrets (refresh tokens). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** Short codes people read aloud or type: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export function newHumanCode(length: number): string {
  let code = ''
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** Request ids for logs: a per-process random prefix and a counter, cheap enough for every request. */
export function requestIds(): () => string {
  const prefix = randomBytes(4).toString('hex')
  let counter = 0
  return () => `${prefix}-${(++counter).toString(36)}`
}

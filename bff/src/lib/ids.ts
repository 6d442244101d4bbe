import { randomBytes, randomInt } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * Opaque, unguessable identifiers that still sort by creation time (ULID layout: 48-bit time + 80 random bits),
 * so lists can page by id without exposing a counter.
 */
export function newId(now: number = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = randomPool(16)
  let random = ''
  for (let i = 0; i < 16; i++) random += CROCKFORD[bytes[pool.offset + i]! % 32]
  pool.offset += 16
  return time + random
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

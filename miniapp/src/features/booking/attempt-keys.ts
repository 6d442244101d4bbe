import type { KeyValueStore } from '../../lib/key-value-store'

/**
 * Idempotency keys of booking attempts, kept on the phone. The same booking (same slot, person and note) gets the
 * same key however often the person taps 确认预约 — also after the page is reloaded or WeChat restarts the
 * mini-program — so an answer lost on a weak network never turns into a second booking. The server keeps keys at
 * least 24 hours; older ones here are dropped.
 */
export const ATTEMPTS_STORAGE_KEY = 'veterans.booking-attempts'
const KEEP_MS = 24 * 60 * 60 * 1000
const MAX_ATTEMPTS = 20

interface Attempt {
  signature: string
  key: string
  createdAt: number
}

function read(store: KeyValueStore): Attempt[] {
  const value = store.get(ATTEMPTS_STORAGE_KEY)
  if (!Array.isArray(value)) return []
  return value.filter(isAttempt)
}

function isAttempt(value: unknown): value is Attempt {
  return (
    typeof value === 'object' &&
    value !== null &&
    'signature' in value &&
    typeof value.signature === 'string' &&
    'key' in value &&
    typeof value.key === 'string' &&
    'createdAt' in value &&
    typeof value.createdAt === 'number'
  )
}

// If storage is unavailable the key still holds for this visit (the caller keeps it in memory too).
function write(store: KeyValueStore, attempts: Attempt[]) {
  store.set(ATTEMPTS_STORAGE_KEY, attempts)
}

/** What makes two taps "the same booking": who books, which slot, for whom, with which note. */
export function attemptSignature(parts: { userId: string; slotId: string; veteranId?: string; note?: string }): string {
  return JSON.stringify([parts.userId, parts.slotId, parts.veteranId ?? '', parts.note?.trim() ?? ''])
}

export function keyForAttempt(store: KeyValueStore, signature: string, newKey: () => string, now = Date.now()): string {
  const attempts = read(store).filter((a) => now - a.createdAt < KEEP_MS)
  const existing = attempts.find((a) => a.signature === signature)
  if (existing) return existing.key
  const key = newKey()
  write(store, [...attempts, { signature, key, createdAt: now }].slice(-MAX_ATTEMPTS))
  return key
}

/**
 * After the booking is confirmed the key is no longer needed: a new booking of the same slot (say, after
 * cancelling this one) must be a new request, not a replay of the first answer.
 */
export function forgetAttempt(store: KeyValueStore, signature: string): void {
  const attempts = read(store)
  const kept = attempts.filter((a) => a.signature !== signature)
  if (kept.length !== attempts.length) write(store, kept)
}

import type { KeyValueStore } from '../../lib/key-value-store'

/**
 * The Idempotency-Key of sending a notice, one per notice, kept on this device: every retry of 发送 — a second
 * click, a reload after a lost answer — carries the same key, so the server sends the notice once and answers each
 * retry with that one result. Keys older than the server keeps them (24 h) are dropped.
 */
export const SEND_KEYS_STORAGE_KEY = 'veterans.notice-send-keys'
const KEEP_MS = 24 * 60 * 60 * 1000
const MAX_KEYS = 20

interface SendKey {
  noticeId: string
  key: string
  createdAt: number
}

function read(store: KeyValueStore): SendKey[] {
  const value = store.get(SEND_KEYS_STORAGE_KEY)
  if (!Array.isArray(value)) return []
  return value.filter(
    (v): v is SendKey =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as SendKey).noticeId === 'string' &&
      typeof (v as SendKey).key === 'string' &&
      typeof (v as SendKey).createdAt === 'number'
  )
}

export function sendKeyFor(store: KeyValueStore, noticeId: string, newKey: () => string, now = Date.now()): string {
  const kept = read(store).filter((k) => now - k.createdAt < KEEP_MS)
  const existing = kept.find((k) => k.noticeId === noticeId)
  if (existing) return existing.key
  const key = newKey()
  store.set(SEND_KEYS_STORAGE_KEY, [...kept, { noticeId, key, createdAt: now }].slice(-MAX_KEYS))
  return key
}

/**
 * After a definite refusal (not approved yet, the state changed) the next try must be a new request, or the server
 * would replay the refusal; a lost answer or a server error keeps the key.
 */
export function forgetSendKey(store: KeyValueStore, noticeId: string): void {
  const keys = read(store)
  const kept = keys.filter((k) => k.noticeId !== noticeId)
  if (kept.length !== keys.length) store.set(SEND_KEYS_STORAGE_KEY, kept)
}

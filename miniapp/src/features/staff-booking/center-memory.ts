import type { KeyValueStore } from '../../lib/key-value-store'

/**
 * The center a city-level staff member or admin last chose on the schedule or day board, kept on the device per
 * account, so a reload (or the next shift) opens on the same center. Pure apart from the store, for unit tests.
 */
export const STAFF_CENTER_STORAGE_KEY = 'veterans.staff-center'

function read(store: KeyValueStore): Record<string, string> {
  const value = store.get(STAFF_CENTER_STORAGE_KEY)
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {}
}

export function rememberedCenter(store: KeyValueStore, userId: string): string | undefined {
  const centerId = read(store)[userId]
  return typeof centerId === 'string' && centerId !== '' ? centerId : undefined
}

export function rememberCenter(store: KeyValueStore, userId: string, centerId: string): void {
  store.set(STAFF_CENTER_STORAGE_KEY, { ...read(store), [userId]: centerId })
}

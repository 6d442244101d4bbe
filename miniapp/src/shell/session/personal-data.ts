import type { SignOutReason } from '../../api'
import { taroStore } from '../../lib/key-value-store'

/**
 * Forgets what the phone keeps about the person (the offline copy of their bookings with check-in codes, and so
 * on: the storage keys the app gives the SessionProvider) when they sign out or close the account (the phone may
 * be shared), or when the login was ended because it looked stolen. A login that merely expired keeps it: the
 * same person signs back in.
 */
export function forgetPersonalData(reason: SignOutReason, keys: readonly string[]) {
  if (reason === 'expired') return
  for (const key of keys) taroStore.remove(key)
}

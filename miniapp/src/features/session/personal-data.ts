import { taroStore } from '../../lib/key-value-store'
import { ATTEMPTS_STORAGE_KEY } from '../booking/attempt-keys'
import { MY_BOOKINGS_STORAGE_KEY } from '../booking/my-bookings-data'
import { RECENT_SEARCHES_KEY } from '../policies/recent-list'
import type { SignOutReason } from '../../api'

/** What the phone keeps about the person: the offline copy of their bookings (with check-in codes) and so on. */
const PERSONAL_KEYS = [MY_BOOKINGS_STORAGE_KEY, ATTEMPTS_STORAGE_KEY, RECENT_SEARCHES_KEY]

/**
 * Forgets it when the person signs out or closes the account (the phone may be shared), or when the login was
 * ended because it looked stolen. A login that merely expired keeps it: the same person signs back in.
 */
export function forgetPersonalData(reason: SignOutReason) {
  if (reason === 'expired') return
  for (const key of PERSONAL_KEYS) taroStore.remove(key)
}

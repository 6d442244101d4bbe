import type { CapabilityHooks } from '../../capability-hooks'
import { seedMessagingDemo } from './seed'
import { eraseClosingAccount, exportMessages, exportThreads } from './service'

/**
 * What messaging adds to the others (composed in app.ts): demo threads and canned replies; the person's threads
 * and the messages in them in their data export (never an internal note); and, when they close their account,
 * their own words erased from their threads (staff's record of the work stays, no longer saying whose it was).
 */
export const messagingHooks: CapabilityHooks = {
  seed: seedMessagingDemo,
  exportSections: { threads: exportThreads, threadMessages: exportMessages },
  closeAccount: eraseClosingAccount
}

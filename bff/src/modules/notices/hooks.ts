import type { CapabilityHooks } from '../../capability-hooks'
import { seedNoticesDemo } from './seed'
import { exportReceivedNotices, removeClosingAccount } from './service'

/**
 * What notices add to the others (composed in app.ts): two sent demo notices; the notices a person received
 * (title, when sent, when read) in their data export; and a closed account's place in notices' inboxes removed.
 */
export const noticesHooks: CapabilityHooks = {
  seed: seedNoticesDemo,
  exportSections: { notices: exportReceivedNotices },
  closeAccount: removeClosingAccount
}

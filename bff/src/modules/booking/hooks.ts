import type { CapabilityHooks } from '../../capability-hooks'
import { seedBookingDemo } from './seed'
import { exportBookings, exportWaitlist, releaseClosingAccount } from './service'

/** What booking adds to the others (composed in app.ts): demo slots and bookings, two export sections, and closing. */
export const bookingHooks: CapabilityHooks = {
  seed: seedBookingDemo,
  exportSections: { bookings: exportBookings, waitlist: exportWaitlist },
  // A closed account's upcoming bookings are cancelled (their places freed) and its 候补 entries end.
  closeAccount: releaseClosingAccount
}

import type { Booking, BookingPage, WaitlistList } from '@veterans/shared'
import { bookingApi } from '../../api'

/** Everything 我的预约 shows at once; also what is kept on the phone for use without a network. */
export interface MyBookings {
  upcoming: BookingPage
  past: BookingPage
  waitlist: WaitlistList
}

export const MY_BOOKINGS_STORAGE_KEY = 'veterans.my-bookings'

export async function loadMyBookings(): Promise<MyBookings> {
  const [upcoming, past, waitlist] = await Promise.all([
    bookingApi.list({ when: 'upcoming', limit: 20 }),
    bookingApi.list({ when: 'past', limit: 20 }),
    bookingApi.waitlist()
  ])
  return { upcoming, past, waitlist }
}

/** A booking from the kept copy (the check-in code must show at the desk even where the signal is poor). */
export function findCachedBooking(data: MyBookings | undefined, bookingId: string): Booking | undefined {
  if (!data) return undefined
  return [...data.upcoming.items, ...data.past.items].find((b) => b.id === bookingId)
}

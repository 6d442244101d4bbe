import type { Booking } from '@veterans/shared'
import { useState } from 'react'
import { bookingApi, toApiError, useAction, useRequest } from '../../api'
import { findCachedBooking, MY_BOOKINGS_STORAGE_KEY, type MyBookings } from './my-bookings-data'
import { loadCached } from './offline-cache'
import { taroStore } from '../../lib/key-value-store'

/**
 * One booking, with cancel and rate. Without a network it falls back to the copy kept by 我的预约, so the
 * check-in code can still be shown at the desk.
 */
export function useBooking(bookingId: string, userId: string) {
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const booking = useRequest(async () => {
    try {
      const fresh = await bookingApi.get(bookingId)
      setSavedAt(null)
      return fresh
    } catch (error) {
      const problem = toApiError(error)
      const cached = problem.isNetwork ? loadCached<MyBookings>(taroStore, MY_BOOKINGS_STORAGE_KEY, userId) : null
      const kept = findCachedBooking(cached?.data, bookingId)
      if (!kept || !cached) throw problem
      setSavedAt(cached.savedAt)
      return kept
    }
  }, `booking-${bookingId}`)

  const cancel = useAction(async (): Promise<Booking> => {
    const updated = await bookingApi.cancel(bookingId)
    booking.setData(updated)
    return updated
  })
  const rate = useAction(async (score: number, comment: string) => {
    const rating = await bookingApi.rate(bookingId, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    if (booking.data) booking.setData({ ...booking.data, rating })
    return rating
  })
  return { booking, savedAt, cancel, rate }
}

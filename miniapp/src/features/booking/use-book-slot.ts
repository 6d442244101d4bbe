import type { Booking } from '@veterans/shared'
import { ApiError, bookingApi, newIdempotencyKey, useAction } from '../../api'
import { attemptSignature, forgetAttempt, keyForAttempt } from './attempt-keys'
import { veteranIdFor, type BookingPerson } from './people'
import { taroStore } from '../../lib/key-value-store'

/**
 * Booking a slot, safe to repeat: every try of the same booking carries the same Idempotency-Key (kept on the
 * phone, so also after a reload), and the client retries a lost answer with it. The server then books once and
 * answers every try with that one booking.
 */
export function useBookSlot(userId: string, slotId: string, person: BookingPerson | undefined) {
  return useAction(async (note: string): Promise<Booking> => {
    const veteranId = veteranIdFor(person)
    const trimmed = note.trim()
    const signature = attemptSignature({ userId, slotId, veteranId, note: trimmed })
    const key = keyForAttempt(taroStore, signature, newIdempotencyKey)
    try {
      const booking = await bookingApi.book(
        { slotId, ...(veteranId ? { veteranId } : {}), ...(trimmed ? { note: trimmed } : {}) },
        key
      )
      forgetAttempt(taroStore, signature)
      return booking
    } catch (error) {
      // A definite refusal (slot full, already booked …) is final for this key: trying again after things change
      // (a place frees, the old booking is cancelled) must be a new request, or the server would replay the refusal.
      // Lost answers and server errors keep the key, so the retry cannot book twice.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) forgetAttempt(taroStore, signature)
      throw error
    }
  })
}

/** Moving a booking to another slot; the server does it in one step (the old place is kept if anything fails). */
export function useReschedule(bookingId: string | undefined, slotId: string) {
  return useAction(async (): Promise<Booking> => bookingApi.reschedule(bookingId!, slotId))
}

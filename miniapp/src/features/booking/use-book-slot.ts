import type { Booking } from '@veterans/shared'
import { bookingApi, newIdempotencyKey, useAction } from '../../api'
import { attemptSignature, forgetAttempt, keyForAttempt } from './attempt-keys'
import { veteranIdFor, type BookingPerson } from './people'
import { taroStore } from './taro-store'

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
    const booking = await bookingApi.book({ slotId, ...(veteranId ? { veteranId } : {}), ...(trimmed ? { note: trimmed } : {}) }, key)
    forgetAttempt(taroStore, signature)
    return booking
  })
}

/** Moving a booking to another slot; the server does it in one step (the old place is kept if anything fails). */
export function useReschedule(bookingId: string | undefined, slotId: string) {
  return useAction(async (): Promise<Booking> => bookingApi.reschedule(bookingId!, slotId))
}

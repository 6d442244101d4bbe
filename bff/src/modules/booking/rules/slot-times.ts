// When a slot or booking can still be acted on. Instants are ISO strings in UTC, so they compare as text; `now`
// is the transaction's (or the request's) instant.

export const hasStarted = (startsAt: string, now: string) => startsAt <= now
export const hasEnded = (endsAt: string, now: string) => endsAt <= now

/** A slot takes bookings and 候补 while it is open and has not started. */
export const isOpenAhead = (slot: { status: string; startsAt: string }, now: string) =>
  slot.status === 'open' && !hasStarted(slot.startsAt, now)

/** A place can be taken now: the slot is open, ahead and not full (what the capacity-guarding UPDATE checks). */
export const hasPlaceNow = (slot: { status: string; startsAt: string; remaining: number }, now: string) =>
  isOpenAhead(slot, now) && slot.remaining > 0

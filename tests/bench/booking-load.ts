// What the booking benches share: the slot times they create beside the demo schedule, and the autocannon request
// that books a plan of (token, slot) pairs, each booking with an Idempotency-Key of its own.

/** One booking of a plan: who books (bearer token) and which slot. */
export interface PlannedBooking {
  token: string
  slotId: string
}

/** The part of autocannon's request options these benches use (autocannon ships no types). */
export interface BookingLoadRequest {
  method: string
  setupRequest: (
    request: { headers?: Record<string, string>; body?: string },
    context: Record<string, unknown>
  ) => unknown
  onResponse: (status: number, body: string, context: Record<string, unknown>) => void
}

/**
 * POST /api/v1/bookings for each planned booking in turn (`keyOf(i)` its Idempotency-Key); `onAnswer` hears each
 * answer's status and the slot it was for.
 */
export function bookingRequest(
  plan: PlannedBooking[],
  keyOf: (i: number) => string,
  onAnswer: (status: number, slotId: string) => void
): BookingLoadRequest {
  let next = 0
  return {
    method: 'POST',
    setupRequest: (request, context) => {
      const i = next++
      const planned = plan[i % plan.length]!
      context.slotId = planned.slotId
      request.headers = {
        ...request.headers,
        'content-type': 'application/json',
        authorization: `Bearer ${planned.token}`,
        'idempotency-key': keyOf(i)
      }
      request.body = JSON.stringify({ slotId: planned.slotId })
      return request
    },
    onResponse: (status, _body, context) => onAnswer(status, context.slotId as string)
  }
}

/** The Beijing date `offset` days from today (YYYY-MM-DD). */
export function beijingDayFromToday(offset: number): string {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
}

/** 15-minute slots every 20 minutes from 08:05 to 13:45, at minutes the demo schedule never uses (…:05, …:25, …:45). */
export function benchSlotTimes(): string[] {
  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`
  const times: string[] = []
  for (let m = 8 * 60 + 5; m + 15 <= 13 * 60 + 45; m += 20) times.push(`${hhmm(m)}-${hhmm(m + 15)}`)
  return times
}

// The routes routes.bench.ts measures and the requests each is sent, from the seeded data (routes-seed.ts).
import type { PlannedRequest } from './load'
import { MESSAGE, type Seeded } from './routes-seed'

const BOOKING_WARMUP = 800
const BOOKINGS_PER_ROUND = 1200
const MESSAGE_WARMUP = 1000
const MESSAGES_PER_ROUND = 1500

export interface Route {
  name: string
  kind: 'read' | 'write'
  /** The i-th request: what reads send to both servers, and writes to the bare one. */
  request: (i: number) => PlannedRequest
  /** Writes to the real server: a new request each time, never sent before, that can succeed. */
  fresh?: { next: () => PlannedRequest; warmup: number; round: number }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export function plannedRoutes(seeded: Seeded): Route[] {
  const reader = (i: number) => bearer(seeded.readers[i % seeded.readers.length]!)
  const read = (name: string, paths: string[]): Route => ({
    name,
    kind: 'read',
    request: (i) => ({ path: paths[i % paths.length]!, headers: reader(i) })
  })
  const booking = (n: number): PlannedRequest => {
    const planned = seeded.bookings[n % seeded.bookings.length]!
    return {
      path: '/api/v1/bookings',
      headers: { ...bearer(planned.token), 'idempotency-key': `routes-booking-${n}` },
      body: JSON.stringify({ slotId: planned.slotId })
    }
  }
  const message = (n: number): PlannedRequest => {
    const resident = seeded.threads[n % seeded.threads.length]!
    return {
      path: `/api/v1/threads/${resident.threadId}/messages`,
      headers: { ...bearer(resident.token), 'idempotency-key': `routes-message-${n}` },
      body: JSON.stringify({ body: `${MESSAGE}（${n}）` })
    }
  }
  let booked = 0
  let posted = 0
  return [
    read('GET /me', ['/api/v1/me']),
    read('GET /slots (2 weeks of one service)', seeded.slotsPaths),
    read('GET /policies?q=', seeded.policyPaths),
    read('GET /notices', ['/api/v1/notices']),
    {
      name: 'POST /bookings',
      kind: 'write',
      request: booking,
      fresh: { next: () => booking(booked++), warmup: BOOKING_WARMUP, round: BOOKINGS_PER_ROUND }
    },
    {
      name: 'POST /threads/:id/messages',
      kind: 'write',
      request: message,
      fresh: { next: () => message(posted++), warmup: MESSAGE_WARMUP, round: MESSAGES_PER_ROUND }
    }
  ]
}

import type { WaitlistEntry } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { slotOffer, waitingBySlot } from '../src/features/booking/slot-offer'

// What a slot on 选择时间 offers: a full slot the person already waits on says the place held, not 登记候补 again
// (the server would only refuse: 您已在该时段的候补名单中).

const entry = (over: Partial<WaitlistEntry>): WaitlistEntry =>
  ({
    id: 'w1',
    slotId: 'full',
    veteranId: 'v1',
    status: 'waiting',
    position: 2,
    startsAt: '2026-12-01T01:00:00.000Z',
    endsAt: '2026-12-01T01:30:00.000Z',
    ...over
  }) as WaitlistEntry

const now = new Date('2026-12-01T00:00:00.000Z')
const open = { id: 'open', status: 'open' as const, remaining: 2, startsAt: '2026-12-01T01:00:00.000Z', bookable: true }
const full = { ...open, id: 'full', remaining: 0, bookable: false }

describe('the 候补 a veteran holds, by slot', () => {
  it('keeps only the waiting entries of the veteran being booked for', () => {
    const waiting = waitingBySlot(
      [
        entry({ id: 'mine' }),
        entry({ id: 'other-veteran', slotId: 'other', veteranId: 'v2' }),
        entry({ id: 'left', slotId: 'left', status: 'cancelled', position: 0 }),
        entry({ id: 'promoted', slotId: 'promoted', status: 'promoted', position: 0 })
      ],
      'v1'
    )
    expect([...waiting].map(([slotId, e]) => [slotId, e.id])).toEqual([['full', 'mine']])
    expect(waitingBySlot([entry({})], 'v2').size).toBe(0)
    expect(waitingBySlot([entry({})], undefined).size).toBe(0)
  })

  it('the entry joined last wins for its slot (the one just joined on the screen)', () => {
    const waiting = waitingBySlot([entry({ id: 'read', position: 3 }), entry({ id: 'joined', position: 2 })], 'v1')
    expect(waiting.get('full')?.id).toBe('joined')
  })
})

describe('what a slot offers', () => {
  const none = new Map<string, WaitlistEntry>()
  const held = waitingBySlot([entry({ position: 2 })], 'v1')

  it('a full slot offers 候补 until the person holds a place in it, then says that place', () => {
    expect(slotOffer(full, now, { mode: 'book', waiting: none })).toEqual({ kind: 'join' })
    const offer = slotOffer(full, now, { mode: 'book', waiting: held })
    expect(offer.kind).toBe('waiting')
    expect(offer.kind === 'waiting' && offer.entry.position).toBe(2)
  })

  it('another veteran’s place in the queue does not count for this one', () => {
    const theirs = waitingBySlot([entry({ veteranId: 'v2' })], 'v1')
    expect(slotOffer(full, now, { mode: 'book', waiting: theirs })).toEqual({ kind: 'join' })
  })

  it('rescheduling offers no 候补, but still says a place already held', () => {
    expect(slotOffer(full, now, { mode: 'reschedule', waiting: none })).toEqual({ kind: 'full' })
    expect(slotOffer(full, now, { mode: 'reschedule', waiting: held }).kind).toBe('waiting')
    expect(slotOffer(full, now, { mode: 'reschedule', waiting: held, currentSlotId: 'full' })).toEqual({
      kind: 'current'
    })
  })

  it('a slot with places is booked; a started or closed one offers nothing, whatever the queue', () => {
    expect(slotOffer(open, now, { mode: 'book', waiting: none })).toEqual({ kind: 'book' })
    const started = { ...full, startsAt: '2026-11-30T23:00:00.000Z' }
    expect(slotOffer(started, now, { mode: 'book', waiting: held })).toEqual({ kind: 'started' })
    expect(slotOffer({ ...full, status: 'closed' }, now, { mode: 'book', waiting: held })).toEqual({ kind: 'closed' })
  })
})

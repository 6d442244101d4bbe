import type { Slot, WaitlistEntry } from '@veterans/shared'
import { slotState } from './calendar'

/**
 * What a slot on the chooser offers the person: book (or move) it; join its 候补; say the place already held in its
 * 候补 (the server refuses a second entry, WAITLIST_EXISTS, so offering it again would be a dead end); or only say why
 * nothing can be done.
 */
export type SlotOffer =
  | { kind: 'current' }
  | { kind: 'book' }
  | { kind: 'waiting'; entry: WaitlistEntry }
  | { kind: 'join' }
  | { kind: 'full' }
  | { kind: 'started' }
  | { kind: 'closed' }

/**
 * The 候补 the veteran being booked for holds now, by slot. GET /waitlist also lists other veterans' (a family member
 * linked to several) and entries that ended; only a waiting one of this veteran blocks joining again.
 */
export function waitingBySlot(
  entries: readonly WaitlistEntry[],
  veteranId: string | undefined
): Map<string, WaitlistEntry> {
  const waiting = new Map<string, WaitlistEntry>()
  if (!veteranId) return waiting
  // Later entries win: the one just joined on this screen comes last and has the newest position.
  for (const entry of entries)
    if (entry.veteranId === veteranId && entry.status === 'waiting') waiting.set(entry.slotId, entry)
  return waiting
}

export function slotOffer(
  slot: Pick<Slot, 'id' | 'status' | 'remaining' | 'startsAt' | 'bookable'>,
  now: Date,
  context: { mode: 'book' | 'reschedule'; waiting: ReadonlyMap<string, WaitlistEntry>; currentSlotId?: string }
): SlotOffer {
  if (slot.id === context.currentSlotId) return { kind: 'current' }
  const state = slotState(slot, now)
  if (state === 'bookable') return { kind: 'book' }
  if (state !== 'full') return { kind: state }
  const entry = context.waiting.get(slot.id)
  if (entry) return { kind: 'waiting', entry }
  // Rescheduling moves a booking: the waitlist is for new bookings.
  return context.mode === 'book' ? { kind: 'join' } : { kind: 'full' }
}

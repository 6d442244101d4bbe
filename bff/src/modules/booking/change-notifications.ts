import { insertNotifications, type NotificationInput } from '../notifications/service'
import { slotDetailIn } from './booking-steps'
import { bookingMessages, type BookingContext } from './messages'
import { cancelReminder, scheduleReminder } from './reminder-jobs'
import type { SlotDetailRow } from './slot-projection'
import type { Tx } from './transaction'

// Who hears about a booking change, and what they are told. Written inside the transaction of the change: the
// notifications commit with it or not at all. The visit's reminder (a due job) is scheduled, moved or cancelled
// here too, by the same changes.

interface People {
  veteranId: string
  /** Whoever booked (or joined the waitlist). */
  bookedByUserId: string
}

const contextOf = (slot: SlotDetailRow, bookingId: string): BookingContext => ({
  bookingId,
  slotId: slot.id,
  serviceName: slot.serviceName,
  centerName: slot.centerName,
  centerPhone: slot.centerPhone,
  startsAt: slot.startsAt
})

async function veteranAccountIn(t: Tx, veteranId: string) {
  return (await t.q.veteranAccount({ veteranId }))?.id ?? null
}

async function activeUserIds(t: Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  const active: string[] = []
  for (const userId of wanted) if (await t.q.activeUser({ userId })) active.push(userId)
  return active
}

/** The veteran's own account and whoever booked, each once, minus `except`. */
async function peopleOf(t: Tx, people: People, except: string | null = null) {
  const ids = await activeUserIds(t, [await veteranAccountIn(t, people.veteranId), people.bookedByUserId])
  return ids.filter((id) => id !== except)
}

/** The actor, if they are one of the booking's people (staff acting on it are not told of their own act). */
async function actorIn(t: Tx, people: People, actorId: string) {
  return (await peopleOf(t, people)).filter((id) => id === actorId)
}

const send = (t: Tx, notifications: NotificationInput[]) => insertNotifications(t.tx, notifications, t.now)

export const notifyPeople = {
  /** A waiting entry became a booking. */
  async promoted(t: Tx, slot: SlotDetailRow, people: People, bookingId: string) {
    await send(t, bookingMessages.promoted(await peopleOf(t, people), contextOf(slot, bookingId)))
    await scheduleReminder(t, { id: bookingId, startsAt: slot.startsAt })
  },
  /**
   * A booking was made: whoever booked gets the confirmation (with the check-in code); the veteran's own account,
   * if someone else booked for him, hears who did. One message each, never two to one person.
   */
  async booked(t: Tx, slot: SlotDetailRow, booking: People & { id: string; checkInCode: string }, bookerName: string) {
    const c = contextOf(slot, booking.id)
    await send(
      t,
      bookingMessages.confirmed(
        await activeUserIds(t, [booking.bookedByUserId]),
        c,
        booking.checkInCode,
        slot.centerAddress
      )
    )
    const veteranAccount = await veteranAccountIn(t, booking.veteranId)
    if (veteranAccount && veteranAccount !== booking.bookedByUserId) {
      await send(t, bookingMessages.bookedForYou(await activeUserIds(t, [veteranAccount]), c, bookerName))
    }
    await scheduleReminder(t, { id: booking.id, startsAt: slot.startsAt })
  },
  /** The day before the visit (a due job, see reminders.ts): the veteran's account and whoever booked, each once. */
  async reminder(t: Tx, slot: SlotDetailRow, booking: People & { id: string }) {
    const people = await peopleOf(t, booking)
    await send(t, bookingMessages.reminder(people, contextOf(slot, booking.id), slot.centerAddress))
  },
  /**
   * A waiting entry was passed over: the veteran has a booking of the service or the family link ended
   * ('ineligible'), or he has a booking at an overlapping time ('time_conflict').
   */
  async waitlistSkipped(
    t: Tx,
    slot: SlotDetailRow,
    entry: { id: string; userId: string },
    why: 'ineligible' | 'time_conflict'
  ) {
    const told = await activeUserIds(t, [entry.userId])
    const c = contextOf(slot, '')
    await send(
      t,
      why === 'time_conflict'
        ? bookingMessages.waitlistSkippedTimeConflict(told, c, entry.id)
        : bookingMessages.waitlistSkipped(told, c, entry.id)
    )
  },
  async slotClosed(t: Tx, slot: SlotDetailRow, booking: People & { id: string }, reason: string) {
    await send(t, bookingMessages.slotClosed(await peopleOf(t, booking), contextOf(slot, booking.id), reason))
    await cancelReminder(t, booking.id)
  },
  async waitlistClosed(
    t: Tx,
    slot: SlotDetailRow,
    entry: { id: string; veteranId: string; userId: string },
    reason: string
  ) {
    await send(
      t,
      bookingMessages.waitlistClosed(
        await peopleOf(t, { veteranId: entry.veteranId, bookedByUserId: entry.userId }),
        contextOf(slot, ''),
        reason,
        entry.id
      )
    )
  },
  /** The other people of the booking hear who cancelled it; the one who did gets a confirmation. */
  async cancelled(
    t: Tx,
    slot: SlotDetailRow,
    booking: People & { id: string },
    actor: { actorId: string; actorName: string }
  ) {
    const c = contextOf(slot, booking.id)
    await send(t, bookingMessages.cancelledByOther(await peopleOf(t, booking, actor.actorId), c, actor.actorName))
    await send(t, bookingMessages.cancelledByYou(await actorIn(t, booking, actor.actorId), c))
    await cancelReminder(t, booking.id)
  },
  /**
   * The other people of the booking hear who moved it, and where to; the one who did gets a confirmation. A move
   * to another center (`booking.centerId` is where it was) says the new address too.
   */
  async rescheduled(
    t: Tx,
    slot: SlotDetailRow,
    booking: People & { id: string; centerId: string },
    actor: { actorId: string; actorName: string }
  ) {
    const c = contextOf(slot, booking.id)
    const newAddress = booking.centerId === slot.centerId ? null : slot.centerAddress
    await send(
      t,
      bookingMessages.rescheduledByOther(await peopleOf(t, booking, actor.actorId), c, actor.actorName, newAddress)
    )
    await send(t, bookingMessages.rescheduledByYou(await actorIn(t, booking, actor.actorId), c, newAddress))
    await scheduleReminder(t, { id: booking.id, startsAt: slot.startsAt })
  },
  /** The booker closed their account: the veteran, if someone else, hears their booking was cancelled. */
  async accountClosed(t: Tx, booking: People & { id: string; slotId: string }) {
    await cancelReminder(t, booking.id)
    const veteranAccount = await veteranAccountIn(t, booking.veteranId)
    if (veteranAccount && veteranAccount !== booking.bookedByUserId) {
      await send(
        t,
        bookingMessages.cancelledAccountClosed(
          [veteranAccount],
          contextOf((await slotDetailIn(t, booking.slotId))!, booking.id)
        )
      )
    }
  },
  async completed(t: Tx, booking: People & { id: string; slotId: string }) {
    await send(
      t,
      bookingMessages.completed(
        await peopleOf(t, booking),
        contextOf((await slotDetailIn(t, booking.slotId))!, booking.id)
      )
    )
  }
}

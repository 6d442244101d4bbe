import { maskName, WAITLIST_END_REASONS, type Booking, type Slot, type SlotDetail, type StaffSlot, type WaitlistEntry } from '@veterans/shared'
import type { BookingViewRow, SlotDetailRow, SlotRow, WaitlistViewRow } from './repo'
import { STAFF } from '../../plugins/auth'

const STAFF_ROLES = new Set<string>(STAFF)
const ENDED_REASONS = new Set<string>(WAITLIST_END_REASONS)
const isEndedReason = (reason: string | null): reason is NonNullable<WaitlistEntry['endedReason']> => reason !== null && ENDED_REASONS.has(reason)

// Rows as clients see them: places left instead of places taken, names of third parties masked.

/** Until when a booking can be cancelled or moved online: the cut-off before its start. */
function cancellableUntil(startsAt: string, cutoffMinutes: number) {
  return new Date(Date.parse(startsAt) - cutoffMinutes * 60_000).toISOString()
}

export function toSlot(row: SlotRow, now: string, cutoffMinutes: number): Slot {
  const remaining = row.status === 'open' ? Math.max(0, row.capacity - row.booked) : 0
  return {
    id: row.id,
    centerId: row.centerId,
    serviceId: row.serviceId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    remaining,
    status: row.status,
    bookable: remaining > 0 && row.startsAt > now,
    waiting: row.waiting,
    cancellableUntil: cancellableUntil(row.startsAt, cutoffMinutes)
  }
}

export function toSlotDetail(row: SlotDetailRow, now: string, cutoffMinutes: number): SlotDetail {
  return {
    ...toSlot(row, now, cutoffMinutes),
    centerName: row.centerName,
    centerAddress: row.centerAddress,
    centerPhone: row.centerPhone,
    serviceName: row.serviceName,
    requiredDocuments: row.requiredDocuments
  }
}

export function toStaffSlot(row: SlotDetailRow, now: string, cutoffMinutes: number): StaffSlot {
  return {
    ...toSlot(row, now, cutoffMinutes),
    booked: row.booked,
    closedReason: row.closedReason,
    centerName: row.centerName,
    serviceName: row.serviceName
  }
}

export function toBooking(row: BookingViewRow, cancelCutoffMinutes: number): Booking {
  return {
    id: row.id,
    slotId: row.slotId,
    centerId: row.centerId,
    centerName: row.centerName,
    centerAddress: row.centerAddress,
    centerPhone: row.centerPhone,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    veteranId: row.veteranId,
    veteranNameMasked: maskName(row.veteranName),
    bookedByUserId: row.bookedByUserId,
    note: row.note,
    checkInCode: row.checkInCode,
    cancelReason: row.cancelReason,
    cancelledBy: row.cancelledByRole === null ? null : STAFF_ROLES.has(row.cancelledByRole) ? 'staff' : 'person',
    cancellableUntil: cancellableUntil(row.startsAt, cancelCutoffMinutes),
    rating:
      row.ratingScore !== null && row.ratedAt !== null
        ? { bookingId: row.id, score: row.ratingScore, comment: row.ratingComment, createdAt: row.ratedAt }
        : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function toWaitlistEntry(row: WaitlistViewRow): WaitlistEntry {
  return {
    id: row.id,
    slotId: row.slotId,
    veteranId: row.veteranId,
    veteranNameMasked: maskName(row.veteranName),
    position: row.position,
    status: row.status,
    bookingId: row.bookingId,
    endedReason: row.status === 'cancelled' && isEndedReason(row.reason) ? row.reason : null,
    centerId: row.centerId,
    centerName: row.centerName,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    createdAt: row.createdAt
  }
}

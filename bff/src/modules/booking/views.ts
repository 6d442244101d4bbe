import {
  maskName,
  WAITLIST_END_REASONS,
  type Booking,
  type Slot,
  type SlotDetail,
  type StaffSlot,
  type WaitlistEntry
} from '@veterans/shared'
import type { BookingViewRow } from './booking-projection'
import { cancellableUntil } from './rules/cutoff'
import { hasPlaceNow } from './rules/slot-times'
import type { SlotDetailRow, SlotRow } from './slot-projection'
import type { WaitlistViewRow } from './waitlist-repo'
import { STAFF_ROLES as STAFF } from '@veterans/shared'

const STAFF_ROLES = new Set<string>(STAFF)
const ENDED_REASONS = new Set<string>(WAITLIST_END_REASONS)
const isEndedReason = (reason: string | null): reason is NonNullable<WaitlistEntry['endedReason']> =>
  reason !== null && ENDED_REASONS.has(reason)

// Rows as clients see them: places left instead of places taken, names of third parties masked.

export function toSlot(row: SlotRow, now: string, cutoffMinutes: number): Slot {
  return {
    id: row.id,
    centerId: row.centerId,
    serviceId: row.serviceId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    remaining: row.remaining,
    status: row.status,
    bookable: hasPlaceNow(row, now),
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
    endedReason:
      (row.status === 'cancelled' || row.status === 'skipped') && isEndedReason(row.reason) ? row.reason : null,
    centerId: row.centerId,
    centerName: row.centerName,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    createdAt: row.createdAt
  }
}

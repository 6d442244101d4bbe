import type {
  BatchSlotsBody,
  BatchSlotsResult,
  Booking,
  BookingPage,
  BookingQuery,
  BookingRating,
  CheckInBody,
  CreateBookingBody,
  CreateRatingBody,
  CreateSlotBody,
  CreateWaitlistBody,
  SlotDayList,
  SlotDetail,
  SlotList,
  SlotQuery,
  StaffBookingList,
  StaffBookingQuery,
  StaffSlot,
  StaffSlotList,
  StaffSlotQuery,
  UpdateSlotBody,
  WaitlistEntry,
  WaitlistList
} from '@veterans/shared'
import { newIdempotencyKey } from './client'
import { api } from './instance'

const id = (value: string) => encodeURIComponent(value)

/**
 * Typed calls of the Booking part of the contract (shared/openapi.json, tag booking), for veterans and families.
 * Cancel and reschedule are safe to repeat on the server (a repeat returns the booking unchanged), so they carry a
 * key only to let the client retry them on a weak network.
 */
export const bookingApi = {
  slots: (query: SlotQuery) => api.get<SlotList>('/slots', { query }),
  slotDays: (query: SlotQuery) => api.get<SlotDayList>('/slots/days', { query }),
  slot: (slotId: string) => api.get<SlotDetail>(`/slots/${id(slotId)}`),
  /** `idempotencyKey`: the same key for every try of one booking, so a retry after a lost answer books once. */
  book: (body: CreateBookingBody, idempotencyKey: string) => api.post<Booking>('/bookings', { body, idempotencyKey }),
  list: (query: BookingQuery = {}) => api.get<BookingPage>('/bookings', { query }),
  get: (bookingId: string) => api.get<Booking>(`/bookings/${id(bookingId)}`),
  cancel: (bookingId: string, reason?: string) =>
    api.post<Booking>(`/bookings/${id(bookingId)}/cancel`, {
      body: reason ? { reason } : {},
      idempotencyKey: newIdempotencyKey()
    }),
  reschedule: (bookingId: string, slotId: string) =>
    api.post<Booking>(`/bookings/${id(bookingId)}/reschedule`, {
      body: { slotId },
      idempotencyKey: newIdempotencyKey()
    }),
  rate: (bookingId: string, body: CreateRatingBody) =>
    api.post<BookingRating>(`/bookings/${id(bookingId)}/rating`, { body }),
  joinWaitlist: (body: CreateWaitlistBody) => api.post<WaitlistEntry>('/waitlist', { body }),
  waitlist: () => api.get<WaitlistList>('/waitlist'),
  leaveWaitlist: (entryId: string) => api.delete<void>(`/waitlist/${id(entryId)}`)
}

/** The staff side: a center's schedule and the day board. */
export const staffBookingApi = {
  slots: (query: StaffSlotQuery) => api.get<StaffSlotList>('/staff/slots', { query }),
  createSlot: (body: CreateSlotBody) => api.post<StaffSlot>('/staff/slots', { body }),
  createSlots: (body: BatchSlotsBody) => api.post<BatchSlotsResult>('/staff/slots/batch', { body }),
  updateSlot: (slotId: string, body: UpdateSlotBody) => api.patch<StaffSlot>(`/staff/slots/${id(slotId)}`, { body }),
  bookings: (query: StaffBookingQuery) => api.get<StaffBookingList>('/staff/bookings', { query }),
  checkIn: (bookingId: string, body: CheckInBody = {}) =>
    api.post<Booking>(`/staff/bookings/${id(bookingId)}/check-in`, { body }),
  complete: (bookingId: string) => api.post<Booking>(`/staff/bookings/${id(bookingId)}/complete`),
  noShow: (bookingId: string) => api.post<Booking>(`/staff/bookings/${id(bookingId)}/no-show`)
}

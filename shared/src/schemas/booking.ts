import { Type, type Static } from '@sinclair/typebox'
import { DateSchema, DateTimeSchema, IdSchema, StringEnum, Nullable } from './common'

// Schemas of the booking capability: slots, bookings, the waitlist (候补), ratings and the staff schedule.

export const SLOT_STATUSES = ['open', 'closed'] as const
export const SlotStatusSchema = StringEnum(SLOT_STATUSES)
export type SlotStatus = (typeof SLOT_STATUSES)[number]

export const BOOKING_STATUSES = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] as const
export const BookingStatusSchema = StringEnum(BOOKING_STATUSES)
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

export const WAITLIST_STATUSES = ['waiting', 'promoted', 'cancelled', 'skipped'] as const
export const WAITLIST_END_REASONS = ['booked', 'left', 'slot_closed', 'account_closed', 'time_conflict'] as const
export const WaitlistStatusSchema = StringEnum(WAITLIST_STATUSES, {
  description:
    'waiting: in the queue; promoted: became a booking (bookingId); cancelled: left the queue, or the slot closed, ' +
    'or the veteran booked the same service elsewhere; skipped: could not be promoted (the veteran already held ' +
    'an active booking for the service or, endedReason time_conflict, one at an overlapping time; or the family ' +
    'link ended)'
})
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number]

/** `HH:mm-HH:mm` in Asia/Shanghai, e.g. `09:00-09:30`. */
export const TIME_RANGE_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d$'

export const SlotSchema = Type.Object({
  id: IdSchema,
  centerId: IdSchema,
  serviceId: IdSchema,
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  capacity: Type.Integer(),
  remaining: Type.Integer({ description: 'Places left (0 when closed)' }),
  status: SlotStatusSchema,
  bookable: Type.Boolean({ description: 'Open, not started and not full: POST /bookings can succeed now' }),
  waiting: Type.Integer({ description: 'People on the waitlist (候补) of this slot' }),
  cancellableUntil: Type.String({
    format: 'date-time',
    description: 'A booking of this slot can be cancelled or moved online until then (startsAt − the cut-off)'
  })
})
export type Slot = Static<typeof SlotSchema>
export const SlotListSchema = Type.Object({ items: Type.Array(SlotSchema) })
export type SlotList = Static<typeof SlotListSchema>

export const SlotQuerySchema = Type.Object({
  centerId: Type.Optional(IdSchema),
  serviceId: Type.Optional(IdSchema),
  from: Type.Optional(DateSchema),
  to: Type.Optional(DateSchema)
})
export type SlotQuery = Static<typeof SlotQuerySchema>

/** One calendar day of the booking calendar: whether it has places. */
export const SlotDaySchema = Type.Object({
  date: DateSchema,
  slots: Type.Integer({ description: 'Slots listed on this day' }),
  available: Type.Integer({ description: 'Slots that can be booked now' }),
  remaining: Type.Integer({ description: 'Places left in the bookable slots' })
})
export type SlotDay = Static<typeof SlotDaySchema>
export const SlotDayListSchema = Type.Object({ items: Type.Array(SlotDaySchema) })
export type SlotDayList = Static<typeof SlotDayListSchema>

/** A slot with what the confirm screen repeats: what, where, when and what to bring. */
export const SlotDetailSchema = Type.Composite([
  SlotSchema,
  Type.Object({
    centerName: Type.String(),
    centerAddress: Type.String(),
    centerPhone: Type.String(),
    serviceName: Type.String(),
    requiredDocuments: Type.Array(Type.String())
  })
])
export type SlotDetail = Static<typeof SlotDetailSchema>

export const BookingRatingSchema = Type.Object({
  bookingId: IdSchema,
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Nullable(Type.String()),
  createdAt: DateTimeSchema
})
export type BookingRating = Static<typeof BookingRatingSchema>

export const BookingSchema = Type.Object({
  id: IdSchema,
  slotId: IdSchema,
  centerId: IdSchema,
  centerName: Type.String(),
  centerAddress: Type.String(),
  centerPhone: Type.String({ description: 'Whom to call, e.g. inside the cancellation cut-off' }),
  serviceId: IdSchema,
  serviceName: Type.String(),
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  status: BookingStatusSchema,
  veteranId: IdSchema,
  veteranNameMasked: Type.String({ description: 'The veteran the booking is for, masked (张*国)' }),
  bookedByUserId: IdSchema,
  note: Nullable(Type.String()),
  checkInCode: Type.String({ description: 'Shown as a QR code at the desk; staff may check it at check-in' }),
  cancelReason: Nullable(Type.String()),
  cancelledBy: Nullable(
    StringEnum(['person', 'staff'] as const, {
      description:
        'Who cancelled: the veteran or a family member (person), or the service center (staff: a closed slot or a staff cancellation)'
    })
  ),
  cancellableUntil: DateTimeSchema,
  rating: Nullable(BookingRatingSchema),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema
})
export type Booking = Static<typeof BookingSchema>

export const CreateBookingBodySchema = Type.Object(
  {
    slotId: IdSchema,
    note: Type.Optional(Type.String({ maxLength: 200 })),
    veteranId: Type.Optional(IdSchema)
  },
  { additionalProperties: false }
)
export type CreateBookingBody = Static<typeof CreateBookingBodySchema>

export const BookingQuerySchema = Type.Object({
  status: Type.Optional(BookingStatusSchema),
  when: Type.Optional(
    StringEnum(['upcoming', 'past'] as const, {
      description:
        'upcoming: booked or checked in and not yet ended, soonest first; past: everything else, latest first'
    })
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 }))
})
export type BookingQuery = Static<typeof BookingQuerySchema>

export const BookingPageSchema = Type.Object({ items: Type.Array(BookingSchema), nextCursor: Nullable(Type.String()) })
export type BookingPage = Static<typeof BookingPageSchema>

export const CancelBookingBodySchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false }
)
export type CancelBookingBody = Static<typeof CancelBookingBodySchema>

export const RescheduleBookingBodySchema = Type.Object({ slotId: IdSchema }, { additionalProperties: false })
export type RescheduleBookingBody = Static<typeof RescheduleBookingBodySchema>

export const CreateRatingBodySchema = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 500 }))
  },
  { additionalProperties: false }
)
export type CreateRatingBody = Static<typeof CreateRatingBodySchema>

export const WaitlistEntrySchema = Type.Object({
  id: IdSchema,
  slotId: IdSchema,
  veteranId: IdSchema,
  veteranNameMasked: Type.String(),
  position: Type.Integer({ description: '1 = next to be promoted; 0 once no longer waiting' }),
  status: WaitlistStatusSchema,
  bookingId: Nullable(IdSchema),
  endedReason: Nullable(
    StringEnum(WAITLIST_END_REASONS, {
      description:
        'Why a cancelled or skipped entry stopped waiting: booked = the veteran booked the same service at another ' +
        'time; left = the person left the queue; slot_closed = the center closed the slot; account_closed = the ' +
        'account was closed; time_conflict = skipped when a place freed, because the veteran held another active ' +
        'booking at an overlapping time'
    })
  ),
  centerId: IdSchema,
  centerName: Type.String(),
  serviceId: IdSchema,
  serviceName: Type.String(),
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  createdAt: DateTimeSchema
})
export type WaitlistEntry = Static<typeof WaitlistEntrySchema>
/** Lists that are never long (one person's waitlist, one center's day) come whole: nextCursor is always null. */
const WholeList = Nullable(Type.String(), { description: 'Always null: the list comes whole' })
export const WaitlistListSchema = Type.Object({ items: Type.Array(WaitlistEntrySchema), nextCursor: WholeList })
export type WaitlistList = Static<typeof WaitlistListSchema>

export const CreateWaitlistBodySchema = Type.Object(
  { slotId: IdSchema, veteranId: Type.Optional(IdSchema) },
  { additionalProperties: false }
)
export type CreateWaitlistBody = Static<typeof CreateWaitlistBodySchema>

// Staff: the schedule and the day board.

export const CreateSlotBodySchema = Type.Object(
  {
    centerId: IdSchema,
    serviceId: IdSchema,
    startsAt: DateTimeSchema,
    endsAt: DateTimeSchema,
    capacity: Type.Integer({ minimum: 1, maximum: 200 })
  },
  { additionalProperties: false }
)
export type CreateSlotBody = Static<typeof CreateSlotBodySchema>

export const BatchSlotsBodySchema = Type.Object(
  {
    centerId: IdSchema,
    serviceId: IdSchema,
    from: DateSchema,
    to: DateSchema,
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      description:
        '1 = Monday … 7 = Sunday. Public holidays are skipped; make-up working days (调休上班) get slots when any of Monday–Friday is chosen'
    }),
    times: Type.Array(Type.String({ pattern: TIME_RANGE_PATTERN }), {
      minItems: 1,
      maxItems: 24,
      uniqueItems: true,
      description: 'Wall-clock ranges in Asia/Shanghai, e.g. 09:00-09:30'
    }),
    capacity: Type.Integer({ minimum: 1, maximum: 200 })
  },
  { additionalProperties: false }
)
export type BatchSlotsBody = Static<typeof BatchSlotsBodySchema>

export const BatchSlotsResultSchema = Type.Object({
  created: Type.Integer({ description: 'Slots created (existing ones are skipped and not counted)' }),
  skippedExisting: Type.Integer(),
  skippedHolidays: Type.Array(DateSchema, { description: 'Chosen weekdays that are public holidays' }),
  makeupWorkdays: Type.Array(DateSchema, { description: 'Weekend make-up working days (调休上班) that got slots' })
})
export type BatchSlotsResult = Static<typeof BatchSlotsResultSchema>

export const UpdateSlotBodySchema = Type.Object(
  {
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    status: Type.Optional(SlotStatusSchema),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Required when closing; told to each person' })
    )
  },
  { additionalProperties: false, minProperties: 1 }
)
export type UpdateSlotBody = Static<typeof UpdateSlotBodySchema>

export const StaffSlotSchema = Type.Composite([
  SlotSchema,
  Type.Object({
    booked: Type.Integer({ description: 'Places taken (bookings not cancelled)' }),
    closedReason: Nullable(Type.String()),
    centerName: Type.String(),
    serviceName: Type.String()
  })
])
export type StaffSlot = Static<typeof StaffSlotSchema>
export const StaffSlotListSchema = Type.Object({ items: Type.Array(StaffSlotSchema) })
export type StaffSlotList = Static<typeof StaffSlotListSchema>

export const StaffSlotQuerySchema = Type.Object({
  centerId: Type.Optional(IdSchema),
  serviceId: Type.Optional(IdSchema),
  from: Type.Optional(DateSchema),
  to: Type.Optional(DateSchema)
})
export type StaffSlotQuery = Static<typeof StaffSlotQuerySchema>

export const StaffBookingQuerySchema = Type.Object({
  centerId: Type.Optional(IdSchema),
  date: Type.Optional(DateSchema),
  status: Type.Optional(BookingStatusSchema)
})
export type StaffBookingQuery = Static<typeof StaffBookingQuerySchema>

export const StaffBookingListSchema = Type.Object({ items: Type.Array(BookingSchema), nextCursor: WholeList })
export type StaffBookingList = Static<typeof StaffBookingListSchema>

export const CheckInBodySchema = Type.Object(
  { checkInCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false }
)
export type CheckInBody = Static<typeof CheckInBodySchema>

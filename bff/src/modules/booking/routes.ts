import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  BookingPageSchema,
  BookingQuerySchema,
  BookingRatingSchema,
  BookingSchema,
  CancelBookingBodySchema,
  CreateBookingBodySchema,
  CreateRatingBodySchema,
  CreateWaitlistBodySchema,
  IdParamsSchema,
  NoContentSchema,
  RescheduleBookingBodySchema,
  SlotDayListSchema,
  SlotDetailSchema,
  SlotListSchema,
  SlotQuerySchema,
  WaitlistEntrySchema,
  WaitlistListSchema
} from '@veterans/shared'
import { PEOPLE_ROLES as PEOPLE } from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, bodyMayBeEmpty, responses } from '../../lib/route-schema'
import { sendSerializedOnce } from '../../lib/serialize-once'
import * as service from './service'
import staffBookingRoutes from './staff-routes'

/** Who books: veterans for themselves, family members for the veterans they are linked to (residents are told how). */

/** Service booking for veterans and their families: slots, bookings, the waitlist (候补) and ratings. */
const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['booking']

  app.get(
    '/slots',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'Slots of a center and/or service in a date range',
        description:
          'centerId or serviceId is required (400 otherwise). `from`/`to` default to today and the 13 days after; ' +
          'range ≤ 31 days. Added fields: `bookable` (can be booked now) and `waiting` (people on the waitlist).',
        querystring: SlotQuerySchema,
        response: responses({ 200: SlotListSchema }, 400, 401)
      }
    },
    async (request, reply) => sendSerializedOnce(reply, await service.listSlots(app, request.query))
  )

  app.get(
    '/slots/days',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'Booking calendar: which days have places',
        description:
          'Added to the contract for the calendar screen. Same query as GET /slots; one item per day of the range.',
        querystring: SlotQuerySchema,
        response: responses({ 200: SlotDayListSchema }, 400, 401)
      }
    },
    async (request) => service.listSlotDays(app, request.query)
  )

  app.get(
    '/slots/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        security: bearer,
        summary: 'One slot with where, when and what to bring',
        description:
          'Added to the contract for the confirm screen: the slot with its center (name, address, phone) and service (name, required documents).',
        params: IdParamsSchema,
        response: responses({ 200: SlotDetailSchema }, 400, 401, 404)
      }
    },
    async (request) => service.getSlot(app, request.params.id)
  )

  app.post(
    '/bookings',
    {
      config: { access: PEOPLE, idempotent: true },
      schema: {
        tags,
        security: bearer,
        summary: 'Book a place',
        description:
          'Send an `Idempotency-Key`. `veteranId` books for a linked veteran (family). 403 NOT_ELIGIBLE: unbound ' +
          'resident, or a veteran not linked to this account; 400 when a family member omits veteranId. 404: no such ' +
          'slot. 409 SLOT_FULL (join the waitlist), 409 ALREADY_BOOKED (details.bookingId), 409 TIME_CONFLICT: the ' +
          'slot overlaps another active booking of the same veteran, any service or center (details.bookingId; ' +
          'its serviceName, centerName, startsAt and endsAt when this account may open it), 422 SLOT_NOT_BOOKABLE.',
        body: CreateBookingBodySchema,
        response: responses({ 201: BookingSchema }, 400, 401, 403, 404, 409, 422)
      }
    },
    async (request, reply) =>
      reply.code(201).send(await service.book(app, principalOf(request), request.body, request.idempotency))
  )

  app.get(
    '/bookings',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'My bookings: made by me or for me (a family member sees the ones she made)',
        description: 'Added query `when=upcoming|past`. Paged with `limit` and `cursor`.',
        querystring: BookingQuerySchema,
        response: responses({ 200: BookingPageSchema }, 400, 401, 403)
      }
    },
    async (request) => service.listMyBookings(app, principalOf(request), request.query)
  )

  app.get(
    '/bookings/:id',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'One of my bookings',
        params: IdParamsSchema,
        response: responses({ 200: BookingSchema }, 400, 401, 403, 404)
      }
    },
    async (request) => service.getMyBooking(app, principalOf(request), request.params.id)
  )

  app.post(
    '/bookings/:id/cancel',
    {
      config: { access: PEOPLE },
      preValidation: bodyMayBeEmpty,
      schema: {
        tags,
        security: bearer,
        summary: 'Cancel a booking; the place goes to the waitlist at once',
        description:
          'Inside the cut-off (CANCEL_CUTOFF_MINUTES, default 120) before the start: 409 CANCEL_WINDOW_CLOSED with ' +
          'details.centerPhone. Cancelling a cancelled booking returns it unchanged. Checked-in or finished: 409 INVALID_STATE.',
        params: IdParamsSchema,
        body: CancelBookingBodySchema,
        response: responses({ 200: BookingSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => service.cancel(app, principalOf(request), request.params.id, request.body)
  )

  app.post(
    '/bookings/:id/reschedule',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Move a booking to another slot of the same service, at any center offering it (atomic)',
        description:
          'The booking keeps its id and check-in code; the slot may be at another center (the booking then moves ' +
          'there). On any error the old booking is untouched. Same cut-off as ' +
          'cancelling. A retry naming the slot the booking is already on returns it unchanged. 409 SLOT_FULL; 409 ' +
          'TIME_CONFLICT when the new slot overlaps another active booking of the veteran (not this one), with ' +
          'details as for POST /bookings; 422 SLOT_NOT_BOOKABLE.',
        params: IdParamsSchema,
        body: RescheduleBookingBodySchema,
        response: responses({ 200: BookingSchema }, 400, 401, 403, 404, 409, 422)
      }
    },
    async (request) => service.reschedule(app, principalOf(request), request.params.id, request.body.slotId)
  )

  app.post(
    '/bookings/:id/rating',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Rate a completed visit once (好差评)',
        params: IdParamsSchema,
        body: CreateRatingBodySchema,
        response: responses({ 201: BookingRatingSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request, reply) =>
      reply.code(201).send(await service.rate(app, principalOf(request), request.params.id, request.body))
  )

  app.post(
    '/waitlist',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Join the waitlist (候补) of a full slot',
        description:
          'Same eligibility as booking. 409 SLOT_NOT_FULL (book instead), 409 ALREADY_BOOKED, 409 WAITLIST_EXISTS ' +
          '(details.waitlistId). When a place frees, the earliest entry becomes a booking and its people are notified; ' +
          'an entry whose veteran meanwhile holds an overlapping booking is skipped (endedReason time_conflict), its ' +
          'owner told, and the next one promoted.',
        body: CreateWaitlistBodySchema,
        response: responses({ 201: WaitlistEntrySchema }, 400, 401, 403, 404, 409, 422)
      }
    },
    async (request, reply) => reply.code(201).send(await service.joinWaitlist(app, principalOf(request), request.body))
  )

  app.get(
    '/waitlist',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'My waitlist entries of slots not yet started, with positions',
        description:
          'Entries that were promoted, skipped or cancelled stay listed (position 0) until their slot starts.',
        response: responses({ 200: WaitlistListSchema }, 401, 403)
      }
    },
    async (request) => service.listMyWaitlist(app, principalOf(request))
  )

  app.delete(
    '/waitlist/:id',
    {
      config: { access: PEOPLE },
      schema: {
        tags,
        security: bearer,
        summary: 'Leave the waitlist',
        description: 'An entry already promoted to a booking: 409 INVALID_STATE (cancel the booking instead).',
        params: IdParamsSchema,
        response: responses({ 204: NoContentSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request, reply) => {
      await service.leaveWaitlist(app, principalOf(request), request.params.id)
      return reply.code(204).send(null)
    }
  )

  await app.register(staffBookingRoutes)
}

export default bookingRoutes

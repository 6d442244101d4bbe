import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  BatchSlotsBodySchema,
  BatchSlotsResultSchema,
  BookingSchema,
  CheckInBodySchema,
  CreateSlotBodySchema,
  IdParamsSchema,
  StaffBookingListSchema,
  StaffBookingQuerySchema,
  StaffSlotListSchema,
  StaffSlotQuerySchema,
  StaffSlotSchema,
  UpdateSlotBodySchema
} from '@veterans/shared'
import { STAFF_ROLES as STAFF } from '@veterans/shared'
import { principalOf } from '../../plugins/auth'
import { bearer, bodyMayBeEmpty, responses } from '../../lib/route-schema'
import * as staff from './staff-service'

/**
 * The staff side of booking: the schedule of their center and the day board. Staff act on their own center only
 * (another center's slots and bookings: 404); staff of the city-level center and admins act on all. Every write
 * is audited in its own transaction.
 */
const staffBookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['booking (staff)']

  app.post(
    '/staff/slots',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Create one slot',
        description:
          'Another center: 403. The center must offer the service. Same center, service and start: 409 SLOT_EXISTS.',
        body: CreateSlotBodySchema,
        response: responses({ 201: StaffSlotSchema }, 400, 401, 403, 409)
      }
    },
    async (request, reply) => reply.code(201).send(await staff.createSlot(app, principalOf(request), request.body))
  )

  app.post(
    '/staff/slots/batch',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Create slots for weekdays × times over a date range',
        description:
          'Skips public holidays (config/holidays.json), existing slots and times already past; make-up working days ' +
          '(调休上班) get slots when any of Monday–Friday is chosen. ≤ 92 days, ≤ 2000 slots. `created` excludes skipped ones.',
        body: BatchSlotsBodySchema,
        response: responses({ 201: BatchSlotsResultSchema }, 400, 401, 403)
      }
    },
    async (request, reply) =>
      reply.code(201).send(await staff.createSlotsBatch(app, principalOf(request), request.body))
  )

  app.get(
    '/staff/slots',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'The schedule: slots of a center in a date range',
        description:
          'Added to the contract for the schedule screen. centerId defaults to my center; another center: 403. Range ≤ 31 days (default 14 from today).',
        querystring: StaffSlotQuerySchema,
        response: responses({ 200: StaffSlotListSchema }, 400, 401, 403)
      }
    },
    async (request) => staff.listSlots(app, principalOf(request), request.query)
  )

  app.patch(
    '/staff/slots/:id',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Change capacity, close (with a reason) or reopen a slot',
        description:
          'Capacity below places taken: 409 CAPACITY_BELOW_BOOKED. Raising capacity promotes waiting entries. Closing ' +
          'needs `reason`; its booked places are cancelled and the waitlist ended, each person notified. Ended slots: 409.',
        params: IdParamsSchema,
        body: UpdateSlotBodySchema,
        response: responses({ 200: StaffSlotSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.updateSlot(app, principalOf(request), request.params.id, request.body)
  )

  app.get(
    '/staff/bookings',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: "Day board: a center's bookings of one day, veterans masked",
        description:
          "centerId defaults to my center (another center: 403), date to today. Not paged: one center's day. Optional `status` filter.",
        querystring: StaffBookingQuerySchema,
        response: responses({ 200: StaffBookingListSchema }, 400, 401, 403)
      }
    },
    async (request) => staff.listBookings(app, principalOf(request), request.query)
  )

  app.post(
    '/staff/bookings/:id/check-in',
    {
      config: { access: STAFF },
      preValidation: bodyMayBeEmpty,
      schema: {
        tags,
        security: bearer,
        summary: 'Check a person in (from 1 hour before the start until the end)',
        description:
          '409 CHECK_IN_NOT_OPEN before; `checkInCode`, when given, must match (422 CHECK_IN_CODE_INVALID). Already checked in: returned unchanged.',
        params: IdParamsSchema,
        body: CheckInBodySchema,
        response: responses({ 200: BookingSchema }, 400, 401, 403, 404, 409, 422)
      }
    },
    async (request) => staff.checkIn(app, principalOf(request), request.params.id, request.body)
  )

  app.post(
    '/staff/bookings/:id/complete',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark a visit completed (the person is invited to rate it)',
        params: IdParamsSchema,
        response: responses({ 200: BookingSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.complete(app, principalOf(request), request.params.id)
  )

  app.post(
    '/staff/bookings/:id/no-show',
    {
      config: { access: STAFF },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark a booking not attended (only after the slot has ended)',
        description: 'Before the end: 409 SLOT_NOT_ENDED. The place is not freed.',
        params: IdParamsSchema,
        response: responses({ 200: BookingSchema }, 400, 401, 403, 404, 409)
      }
    },
    async (request) => staff.markNoShow(app, principalOf(request), request.params.id)
  )
}

export default staffBookingRoutes

import type { ObjectType } from './objects'
import { ROLES, type Answer, type Kind, type Role } from './roles'

/**
 * The authorization matrix: for every route the app serves, the contract's answer (/work/shared/API.md) for each
 * role and, where the route names an object, for each kind of object (objects.ts says which fixture that is).
 * Conventions: no token 401; a role the route is not for 403 FORBIDDEN; someone else's object 404 NOT_FOUND.
 * Where API.md is silent, what its conventions imply, as the route's OpenAPI description states:
 * - acting on another center by naming it (a centerId or district in the query or body) is 403 FORBIDDEN:
 *   centers and districts are public reference data, so nothing is revealed, and 404 would mislead;
 * - a staff member who may see a thing but not change it (a colleague's draft) gets 403 FORBIDDEN, since
 *   its existence is no secret to them; one who may not see it gets 404;
 * - policies are city-wide: every staff member reads drafts and takes part in the two-person workflow;
 * - an import job is seen by whoever started it and by admins.
 * A route the app serves without an entry here, or an entry for a route it no longer serves, fails the test.
 */
export type PerKind = Partial<Record<Kind, Answer>>
export type Expect = Record<Role, Answer | PerKind>
export interface Entry {
  /** What the route's :id (or, for 'center' and 'district', the centerId or district it names) is. */
  object?: ObjectType
  expect: Expect
}

const everyone = (answer: Answer | PerKind) => Object.fromEntries(ROLES.map((role) => [role, answer])) as Expect

/** Any signed-in account; no token: 401. */
const signedIn = (answer: Answer | PerKind): Expect => ({
  ...everyone(401),
  ...Object.fromEntries(ROLES.filter((r) => r !== 'anonymous').map((role) => [role, answer]))
})

/** Residents, veterans and family members (PEOPLE_ROLES); staff and admins 403. */
const people = (answers: Pick<Expect, 'resident' | 'veteran' | 'family'>): Expect => ({
  anonymous: 401,
  ...answers,
  centerStaff: 403,
  otherDistrictStaff: 403,
  cityStaff: 403,
  admin: 403
})
const allPeople = (answer: Answer | PerKind) => people({ resident: answer, veteran: answer, family: answer })

/** Staff and admins (STAFF_ROLES); people 403. */
const staff = (answers: Pick<Expect, 'centerStaff' | 'otherDistrictStaff' | 'cityStaff' | 'admin'>): Expect => ({
  anonymous: 401,
  resident: 403,
  veteran: 403,
  family: 403,
  ...answers
})
const allStaff = (answer: Answer | PerKind) =>
  staff({ centerStaff: answer, otherDistrictStaff: answer, cityStaff: answer, admin: answer })

/** Staff act on their own center; city-level staff and admins on every center. */
const centerScoped = (own: Answer, otherCenter: Answer) =>
  staff({
    centerStaff: { own, otherCenter },
    otherDistrictStaff: { own, otherCenter },
    cityStaff: { own, otherCenter: own },
    admin: { own, otherCenter: own }
  })

const adminOnly = (answer: Answer) =>
  staff({ centerStaff: 403, otherDistrictStaff: 403, cityStaff: 403, admin: answer })

/** My own object; anyone else's is hidden. */
const mine = (ok: Answer): PerKind => ({ own: ok, other: 404, otherCenter: 404 })

/** Things staff write: their own; a colleague's they see but may not change; another district's they cannot see. */
const authorOnly = (ok: Answer) =>
  staff({
    centerStaff: { own: ok, other: 403, otherCenter: 404 },
    otherDistrictStaff: { own: ok, other: 403, otherCenter: 404 },
    cityStaff: { own: ok, other: 403, otherCenter: 403 },
    admin: { own: ok, other: 403, otherCenter: 403 }
  })

/** A district's notices are seen by its staff, every notice by city-level staff and admins. */
const districtVisible = (ok: Answer) =>
  staff({
    centerStaff: { own: ok, other: ok, otherCenter: 404 },
    otherDistrictStaff: { own: ok, other: ok, otherCenter: 404 },
    cityStaff: { own: ok, other: ok, otherCenter: ok },
    admin: { own: ok, other: ok, otherCenter: ok }
  })

/** Veterans book for themselves, family for the veteran they are linked to; an unbound resident cannot. */
const bookFor = (ok: Answer) => {
  const answers = { own: ok, other: '403 NOT_ELIGIBLE', otherCenter: ok } as const
  return people({ resident: '403 NOT_ELIGIBLE', veteran: answers, family: answers })
}

export const MATRIX: Record<string, Entry> = {
  // ---- operations and documentation (outside /api/v1; public) ----
  'GET /healthz': { expect: everyone(200) },
  'GET /readyz': { expect: everyone(200) },
  'GET /openapi.json': { expect: everyone(200) },
  'GET /docs': { expect: everyone(200) },
  'GET /docs/': { expect: everyone(200) },
  'GET /docs/json': { expect: everyone(200) },
  'GET /docs/yaml': { expect: everyone(200) },
  'GET /docs/static/index.html': { expect: everyone(302) },
  'GET /docs/static/swagger-initializer.js': { expect: everyone(200) },
  'GET /docs/*': { expect: everyone(200) },

  // ---- auth (public) and the realtime socket (its first frame signs in: 200 = ready, 401 = closed 4401) ----
  'POST /api/v1/auth/wechat': { expect: everyone(200) },
  'POST /api/v1/auth/staff': { expect: everyone(200) },
  'POST /api/v1/auth/refresh': { expect: everyone(200) },
  'POST /api/v1/auth/logout': { expect: everyone(204) },
  'GET /api/v1/ws': { expect: signedIn(200) },

  // ---- reference data and published policies (public) ----
  'GET /api/v1/districts': { expect: everyone(200) },
  'GET /api/v1/centers': { expect: everyone(200) },
  'GET /api/v1/services': { expect: everyone(200) },
  'GET /api/v1/policies': { expect: everyone(200) },
  'GET /api/v1/policies/:id': { object: 'publicPolicy', expect: everyone({ own: 200, other: 404 }) },
  'GET /api/v1/policies/for-me': {
    expect: people({ resident: '403 NOT_ELIGIBLE', veteran: 200, family: 200 })
  },

  // ---- me ----
  'GET /api/v1/me': { expect: signedIn(200) },
  'PATCH /api/v1/me': { expect: signedIn(200) },
  'GET /api/v1/me/export': { expect: signedIn(200) },
  'DELETE /api/v1/me': { expect: allPeople(204) },
  'POST /api/v1/me/password': { expect: allStaff(204) },
  // A bound account binding another record: 409 (changing it is done at a center).
  'POST /api/v1/me/veteran': {
    expect: people({ resident: 200, veteran: '409 INVALID_STATE', family: 200 })
  },
  'GET /api/v1/me/family': { expect: people({ resident: 403, veteran: 200, family: 403 }) },
  'POST /api/v1/me/family-invites': { expect: people({ resident: 403, veteran: 201, family: 403 }) },
  'POST /api/v1/me/family-links': { expect: allPeople(201) },
  'DELETE /api/v1/me/family/:linkId': {
    object: 'familyLink',
    expect: people({ resident: 404, veteran: mine(204), family: mine(204) })
  },
  'GET /api/v1/me/notifications': { expect: signedIn(200) },
  'POST /api/v1/me/notifications/read-all': { expect: signedIn(200) },
  'POST /api/v1/me/notifications/:id/read': {
    object: 'notification',
    expect: signedIn({ own: 204, other: 404 })
  },
  'GET /api/v1/me/inbox': { expect: signedIn(200) },
  'POST /api/v1/me/inbox/read-all': { expect: signedIn(200) },
  'GET /api/v1/me/message-preferences': { expect: allPeople(200) },
  'PATCH /api/v1/me/message-preferences': { expect: allPeople(200) },
  'GET /api/v1/me/wechat-subscriptions': { expect: allPeople(200) },
  'POST /api/v1/me/wechat-subscriptions': { expect: allPeople(200) },

  // ---- booking ----
  'GET /api/v1/slots': { expect: signedIn(200) },
  'GET /api/v1/slots/days': { expect: signedIn(200) },
  'GET /api/v1/slots/:id': { object: 'slot', expect: signedIn(200) },
  'POST /api/v1/bookings': { object: 'beneficiary', expect: bookFor(201) },
  'GET /api/v1/bookings': { expect: allPeople(200) },
  'GET /api/v1/bookings/:id': {
    object: 'booking',
    expect: people({ resident: 404, veteran: mine(200), family: mine(200) })
  },
  'POST /api/v1/bookings/:id/cancel': {
    object: 'booking',
    expect: people({ resident: 404, veteran: mine(200), family: mine(200) })
  },
  'POST /api/v1/bookings/:id/reschedule': {
    object: 'booking',
    expect: people({ resident: 404, veteran: mine(200), family: mine(200) })
  },
  'POST /api/v1/bookings/:id/rating': {
    object: 'booking',
    expect: people({ resident: 404, veteran: mine(201), family: mine(201) })
  },
  'POST /api/v1/waitlist': { object: 'beneficiary', expect: bookFor(201) },
  'GET /api/v1/waitlist': { expect: allPeople(200) },
  'DELETE /api/v1/waitlist/:id': {
    object: 'waitlistEntry',
    expect: people({ resident: 404, veteran: mine(204), family: mine(204) })
  },
  'POST /api/v1/staff/slots': { object: 'center', expect: centerScoped(201, 403) },
  'POST /api/v1/staff/slots/batch': { object: 'center', expect: centerScoped(201, 403) },
  'GET /api/v1/staff/slots': { object: 'center', expect: centerScoped(200, 403) },
  'PATCH /api/v1/staff/slots/:id': { object: 'slot', expect: centerScoped(200, 404) },
  'GET /api/v1/staff/bookings': { object: 'center', expect: centerScoped(200, 403) },
  'POST /api/v1/staff/bookings/:id/check-in': { object: 'centerBooking', expect: centerScoped(200, 404) },
  'POST /api/v1/staff/bookings/:id/complete': { object: 'centerBooking', expect: centerScoped(200, 404) },
  'POST /api/v1/staff/bookings/:id/no-show': { object: 'centerBooking', expect: centerScoped(200, 404) },

  // ---- messaging and photos ----
  'POST /api/v1/threads': { expect: allPeople(201) },
  'GET /api/v1/threads': { expect: allPeople(200) },
  'GET /api/v1/threads/:id': { object: 'thread', expect: allPeople(mine(200)) },
  'GET /api/v1/threads/:id/messages': { object: 'thread', expect: allPeople(mine(200)) },
  'POST /api/v1/threads/:id/messages': { object: 'thread', expect: allPeople(mine(201)) },
  'POST /api/v1/threads/:id/read': { object: 'thread', expect: allPeople(mine(204)) },
  'POST /api/v1/threads/:id/rating': { object: 'thread', expect: allPeople(mine(201)) },
  'GET /api/v1/staff/threads': { object: 'center', expect: centerScoped(200, 403) },
  'GET /api/v1/staff/threads/:id': { object: 'thread', expect: centerScoped(200, 404) },
  'GET /api/v1/staff/threads/:id/messages': { object: 'thread', expect: centerScoped(200, 404) },
  'POST /api/v1/staff/threads/:id/messages': { object: 'thread', expect: centerScoped(201, 404) },
  'GET /api/v1/staff/threads/:id/assignees': { object: 'thread', expect: centerScoped(200, 404) },
  'POST /api/v1/staff/threads/:id/assign': { object: 'thread', expect: centerScoped(200, 404) },
  'POST /api/v1/staff/threads/:id/status': { object: 'thread', expect: centerScoped(200, 404) },
  'GET /api/v1/staff/canned-replies': { expect: allStaff(200) },
  'POST /api/v1/staff/canned-replies': { expect: allStaff(201) },
  'POST /api/v1/uploads': { expect: signedIn(201) },
  // Served to its uploader and to those who may see the thread it is attached to.
  'GET /api/v1/uploads/:id': {
    object: 'upload',
    expect: {
      ...allPeople(mine(200)),
      centerStaff: { own: 200, other: 200, otherCenter: 404 },
      otherDistrictStaff: { own: 200, other: 200, otherCenter: 404 },
      cityStaff: { own: 200, other: 200, otherCenter: 200 },
      admin: { own: 200, other: 200, otherCenter: 200 }
    }
  },

  // ---- notices ----
  'GET /api/v1/notices': { expect: allPeople(200) },
  'GET /api/v1/notices/unread-count': { expect: allPeople(200) },
  'GET /api/v1/notices/:id': {
    object: 'receivedNotice',
    expect: people({ resident: 404, veteran: mine(200), family: mine(200) })
  },
  'POST /api/v1/notices/:id/read': {
    object: 'receivedNotice',
    expect: people({ resident: 404, veteran: mine(204), family: mine(204) })
  },
  'POST /api/v1/staff/notices': { object: 'district', expect: centerScoped(201, 403) },
  'GET /api/v1/staff/notices': { expect: allStaff(200) },
  'GET /api/v1/staff/notices/:id': { object: 'staffNotice', expect: districtVisible(200) },
  'GET /api/v1/staff/notices/:id/audience-preview': { object: 'staffNotice', expect: districtVisible(200) },
  'PATCH /api/v1/staff/notices/:id': { object: 'staffNotice', expect: authorOnly(200) },
  'DELETE /api/v1/staff/notices/:id': { object: 'staffNotice', expect: authorOnly(204) },
  // A district notice needs no approval (409); a city-wide one is submitted by its author.
  'POST /api/v1/staff/notices/:id/submit': {
    object: 'staffNotice',
    expect: staff({
      centerStaff: { own: '409 INVALID_STATE', other: 403, otherCenter: 404 },
      otherDistrictStaff: { own: '409 INVALID_STATE', other: 403, otherCenter: 404 },
      cityStaff: { own: 200, other: 403, otherCenter: 403 },
      admin: { own: 200, other: 403, otherCenter: 403 }
    })
  },
  // City-wide notices are approved at city level by someone other than the author.
  'POST /api/v1/staff/notices/:id/approve': {
    object: 'cityWideNotice',
    expect: staff({
      centerStaff: 404,
      otherDistrictStaff: 404,
      cityStaff: { own: '403 SELF_APPROVAL', other: 200 },
      admin: { own: '403 SELF_APPROVAL', other: 200 }
    })
  },
  // Anyone who sees a district notice may send it; a city-wide one not yet approved: 409.
  'POST /api/v1/staff/notices/:id/send': {
    object: 'staffNotice',
    expect: staff({
      centerStaff: { own: 200, other: 200, otherCenter: 404 },
      otherDistrictStaff: { own: 200, other: 200, otherCenter: 404 },
      cityStaff: { own: '409 INVALID_STATE', other: '409 INVALID_STATE', otherCenter: 200 },
      admin: { own: '409 INVALID_STATE', other: '409 INVALID_STATE', otherCenter: 200 }
    })
  },
  'GET /api/v1/staff/push-deliveries': { object: 'staffNotice', expect: districtVisible(200) },

  // ---- policies (staff) ----
  'GET /api/v1/staff/policies': { expect: allStaff(200) },
  'POST /api/v1/staff/policies': { expect: allStaff(201) },
  'GET /api/v1/staff/policies/:id': { object: 'policy', expect: allStaff(200) },
  'PUT /api/v1/staff/policies/:id': {
    object: 'policy',
    expect: allStaff({ own: 200, other: 403, otherCenter: 403 })
  },
  'DELETE /api/v1/staff/policies/:id': {
    object: 'policy',
    expect: staff({
      centerStaff: { own: 204, other: 403, otherCenter: 403 },
      otherDistrictStaff: { own: 204, other: 403, otherCenter: 403 },
      cityStaff: { own: 204, other: 403, otherCenter: 403 },
      admin: 204
    })
  },
  'POST /api/v1/staff/policies/:id/submit': {
    object: 'policy',
    expect: allStaff({ own: 200, other: 403, otherCenter: 403 })
  },
  'POST /api/v1/staff/policies/:id/approve': {
    object: 'policy',
    expect: allStaff({ own: '403 SELF_APPROVAL', other: 200, otherCenter: 200 })
  },
  'POST /api/v1/staff/policies/:id/return': { object: 'policy', expect: allStaff(200) },
  'POST /api/v1/staff/policies/:id/repeal': { object: 'policy', expect: allStaff(200) },

  // ---- registry ----
  'GET /api/v1/staff/veterans': { expect: allStaff(200) },
  'POST /api/v1/staff/veterans': { object: 'district', expect: centerScoped(201, 403) },
  'GET /api/v1/staff/veterans/export': { expect: allStaff(200) },
  'POST /api/v1/staff/veterans/import/preview': { expect: allStaff(200) },
  'POST /api/v1/staff/veterans/import': { expect: allStaff(202) },
  'GET /api/v1/staff/veterans/:id': { object: 'veteranRecord', expect: centerScoped(200, 404) },
  'PATCH /api/v1/staff/veterans/:id': { object: 'veteranRecord', expect: centerScoped(200, 404) },
  'GET /api/v1/staff/veterans/:id/pii': { object: 'veteranRecord', expect: centerScoped(200, 404) },
  'GET /api/v1/staff/imports/:id': {
    object: 'importJob',
    expect: staff({ centerStaff: mine(200), otherDistrictStaff: mine(200), cityStaff: mine(200), admin: 200 })
  },
  'GET /api/v1/staff/imports/:id/errors.csv': {
    object: 'importJob',
    expect: staff({ centerStaff: mine(200), otherDistrictStaff: mine(200), cityStaff: mine(200), admin: 200 })
  },

  // ---- stats ----
  'GET /api/v1/staff/stats': { object: 'center', expect: centerScoped(200, 403) },
  'GET /api/v1/staff/stats.csv': { object: 'center', expect: centerScoped(200, 403) },

  // ---- admin ----
  'POST /api/v1/admin/staff': { expect: adminOnly(201) },
  'GET /api/v1/admin/staff': { expect: adminOnly(200) },
  'PATCH /api/v1/admin/staff/:id': { object: 'staffAccount', expect: adminOnly(200) },
  'POST /api/v1/admin/staff/:id/reset-password': { object: 'staffAccount', expect: adminOnly(204) },
  'GET /api/v1/admin/audit': { expect: adminOnly(200) },
  'GET /api/v1/admin/audit.csv': { expect: adminOnly(200) }
}

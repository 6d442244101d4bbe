// Who calls, about what, and what the contract answers: the vocabulary of the authorization matrix.

/** The eight kinds of caller of the issue, each played by a demo or test account (world.ts). */
export const ROLES = [
  'anonymous', // no Authorization header
  'resident', // zhangmin: WeChat user not bound to a registry record
  'veteran', // laowang: bound to 王建国 (东湖区)
  'family', // xiaowang: linked to laowang by his invitation
  'centerStaff', // donghu: staff of 东湖区退役军人服务中心, the center the people above belong to
  'otherDistrictStaff', // xijiang: staff of 西江区退役军人服务中心
  'cityStaff', // city: staff of the city-level center (sees every center)
  'admin' // admin
] as const
export type Role = (typeof ROLES)[number]

export const PEOPLE = ['resident', 'veteran', 'family'] as const
export type PeopleRole = (typeof PEOPLE)[number]
export const STAFF = ['centerStaff', 'otherDistrictStaff', 'cityStaff', 'admin'] as const
export type StaffRole = (typeof STAFF)[number]

export const isPeopleRole = (role: Role): role is PeopleRole => (PEOPLE as readonly Role[]).includes(role)
export const isStaffRole = (role: Role): role is StaffRole => (STAFF as readonly Role[]).includes(role)

/**
 * Whose object a request names (objects.ts says, per object type and role, which fixture that is):
 * - own: the caller's (for staff: their center's, or written by them where an author counts);
 * - other: someone else's in the same place (another person's; a colleague's);
 * - otherCenter: someone else's at another center (for the center's staff, the street station of its own
 *   district: staff act on their center, not their district) or, for district-kept things, another district.
 */
export const KINDS = ['own', 'other', 'otherCenter'] as const
export type Kind = (typeof KINDS)[number]

/**
 * The contract's answer to a cell: a status, with the error code after it where it is not the convention's
 * (401 UNAUTHENTICATED, 403 FORBIDDEN, 404 NOT_FOUND), e.g. '403 NOT_ELIGIBLE' or '409 INVALID_STATE'.
 */
export type Answer = number | `${number} ${string}`

const CONVENTIONAL_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }

export function parseAnswer(answer: Answer): { status: number; code: string | null } {
  const [status, code] = String(answer).split(' ')
  const n = Number(status)
  return { status: n, code: code ?? CONVENTIONAL_CODES[n] ?? null }
}

export const isSuccess = (answer: Answer) => parseAnswer(answer).status < 300

import { isPeopleRole, type Kind, type PeopleRole, type Role, type StaffRole } from './roles'

// What "own", "someone else's" and "another center's" mean for each kind of object, seen by each role: which
// fixture (fixtures.ts) a cell names. A kind left out of a role's view does not exist for it (a resident owns no
// booking: she cannot book), and the matrix declares no answer for it.

/** 东湖区's district center, its 解放街道 station (same district, another center), 西江区's, the city-level one. */
export type CenterKey = 'donghu' | 'jiefang' | 'xijiang' | 'city'
/** Staff accounts: the demo ones, and a colleague at each center (created by the admin). */
export type StaffKey = 'donghu' | 'donghu2' | 'xijiang' | 'xijiang2' | 'city' | 'city2' | 'admin'
/** People: the demo ones; neighbour, a veteran of 东湖区; li, 李志强 of 西江区; anyone, someone new each time. */
export type PersonKey = 'zhangmin' | 'laowang' | 'xiaowang' | 'neighbour' | 'li'
export type Someone = PersonKey | 'anyone'

export interface Refs {
  /** A booking (or waitlist entry, thread) made by `by` at a center (by xiaowang: for her father). */
  booking: { by: Someone; at: CenterKey }
  /** The same, for routes only staff may use: every booking there is someone new's. */
  centerBooking: { by: Someone; at: CenterKey }
  waitlistEntry: { by: Someone; at: CenterKey }
  thread: { by: Someone; at: CenterKey }
  /** Whom a new booking or waitlist entry is for ('self': oneself, or for family the linked veteran), and where. */
  beneficiary: { for: 'self' | 'neighbour'; at: CenterKey }
  /** A photo uploaded by someone, attached to a thread of theirs at a center or not attached. */
  upload: { by: Someone | StaffKey; attachedAt?: CenterKey }
  notification: { of: PersonKey | StaffKey }
  familyLink: { veteran: PersonKey | 'anyone'; family: PersonKey | 'anyone' }
  /** A notice sent to laowang's district (he and his daughter receive it), to its 转业干部 (neighbour), to 西江区. */
  receivedNotice: { to: 'laowang' | 'neighbour' | 'li' }
  /** Staff-written things: a notice (district staff: their district; city level: city-wide), a policy, an import. */
  staffNotice: { by: StaffKey }
  cityWideNotice: { by: StaffKey }
  policy: { by: StaffKey }
  importJob: { by: StaffKey }
  /** A published policy (everyone's to read) or a staff member's draft. */
  publicPolicy: { published: boolean }
  slot: { at: CenterKey }
  /** A center a staff request names (centerId): slots, bookings, threads and figures are kept per center. */
  center: { at: CenterKey }
  /** The district of a center a staff request names: registry records and notices are kept per district. */
  district: { at: CenterKey }
  staffAccount: { at: CenterKey }
  /** A registry record: the person's, so in their district (neighbour and laowang: 东湖区; li: 西江区). */
  veteranRecord: { of: PersonKey }
}
export type ObjectType = keyof Refs
export type View<T extends ObjectType> = Partial<Record<Kind, Refs[T]>>

const SELF: Record<PeopleRole, PersonKey> = { resident: 'zhangmin', veteran: 'laowang', family: 'xiaowang' }
/**
 * Each staff role's center; another center for it (for the center's staff, the street station of the same
 * district: "own center" is not "own district"); its account; a colleague there; staff of another district.
 */
const HOME: Record<StaffRole, CenterKey> = {
  centerStaff: 'donghu',
  otherDistrictStaff: 'xijiang',
  cityStaff: 'city',
  admin: 'city'
}
const AWAY: Record<StaffRole, CenterKey> = {
  centerStaff: 'jiefang',
  otherDistrictStaff: 'donghu',
  cityStaff: 'donghu',
  admin: 'donghu'
}
const ME: Record<StaffRole, StaffKey> = {
  centerStaff: 'donghu',
  otherDistrictStaff: 'xijiang',
  cityStaff: 'city',
  admin: 'admin'
}
const COLLEAGUE: Record<StaffRole, StaffKey> = {
  centerStaff: 'donghu2',
  otherDistrictStaff: 'xijiang2',
  cityStaff: 'city2',
  admin: 'city'
}
const STAFF_AWAY: Record<StaffRole, StaffKey> = {
  centerStaff: 'xijiang',
  otherDistrictStaff: 'donghu',
  cityStaff: 'donghu',
  admin: 'donghu'
}
/** The registry record in a staff role's district (the city-level center is in 东湖区), and one elsewhere. */
const RECORD_HOME: Record<StaffRole, PersonKey> = {
  centerStaff: 'neighbour',
  otherDistrictStaff: 'li',
  cityStaff: 'neighbour',
  admin: 'neighbour'
}
const RECORD_AWAY: Record<StaffRole, PersonKey> = {
  centerStaff: 'li',
  otherDistrictStaff: 'neighbour',
  cityStaff: 'li',
  admin: 'li'
}

/** Things people own at a center: theirs at 东湖区 (laowang's center), neighbour's there, li's at 西江区. */
function personal(role: Role, self: (role: PeopleRole) => Refs['thread'] | undefined): View<'thread'> {
  const others = { other: { by: 'neighbour', at: 'donghu' }, otherCenter: { by: 'li', at: 'xijiang' } } as const
  const own = isPeopleRole(role) ? self(role) : undefined
  if (own) return { own, ...others }
  if (isPeopleRole(role) || role === 'anonymous') return others
  return { own: { by: 'anyone', at: HOME[role] }, otherCenter: { by: 'anyone', at: AWAY[role] } }
}

/** Things staff write: mine, a colleague's at my center, and those of staff of another center. */
function written(role: Role): View<'policy'> {
  if (isPeopleRole(role) || role === 'anonymous') return { other: { by: 'donghu' }, otherCenter: { by: 'xijiang' } }
  return { own: { by: ME[role] }, other: { by: COLLEAGUE[role] }, otherCenter: { by: STAFF_AWAY[role] } }
}

/** Things of a center: people's is 东湖区's. */
function ofCenter(role: Role): View<'slot'> {
  if (isPeopleRole(role) || role === 'anonymous') return { own: { at: 'donghu' }, otherCenter: { at: 'xijiang' } }
  return { own: { at: HOME[role] }, otherCenter: { at: AWAY[role] } }
}

export const VIEWS: { [T in ObjectType]: (role: Role) => View<T> } = {
  // A resident cannot book; the family member's own booking is one she made for her father.
  booking: (role) => personal(role, (p) => (p === 'resident' ? undefined : { by: SELF[p], at: 'donghu' })),
  centerBooking: (role) =>
    isPeopleRole(role) || role === 'anonymous'
      ? { other: { by: 'anyone', at: 'donghu' }, otherCenter: { by: 'anyone', at: 'xijiang' } }
      : { own: { by: 'anyone', at: HOME[role] }, otherCenter: { by: 'anyone', at: AWAY[role] } },
  waitlistEntry: (role) => personal(role, (p) => (p === 'resident' ? undefined : { by: SELF[p], at: 'donghu' })),
  thread: (role) => personal(role, (p) => ({ by: SELF[p], at: 'donghu' })),
  beneficiary: (role) =>
    isPeopleRole(role)
      ? {
          own: { for: 'self', at: 'donghu' },
          other: { for: 'neighbour', at: 'donghu' },
          otherCenter: { for: 'self', at: 'xijiang' }
        }
      : { other: { for: 'neighbour', at: 'donghu' } },
  upload: (role) => {
    const attached = {
      other: { by: 'neighbour', attachedAt: 'donghu' },
      otherCenter: { by: 'li', attachedAt: 'xijiang' }
    } as const
    if (isPeopleRole(role)) return { own: { by: SELF[role] }, ...attached }
    if (role === 'anonymous') return attached
    // Staff may see the photos of the threads they may see: a person's photo in a thread of my center.
    return {
      own: { by: ME[role] },
      other: { by: 'anyone', attachedAt: HOME[role] },
      otherCenter: { by: 'anyone', attachedAt: AWAY[role] }
    }
  },
  notification: (role) => {
    if (isPeopleRole(role)) return { own: { of: SELF[role] }, other: { of: 'neighbour' } }
    if (role === 'anonymous') return { other: { of: 'neighbour' } }
    return { own: { of: ME[role] }, other: { of: 'neighbour' } }
  },
  familyLink: (role) => {
    const others = {
      other: { veteran: 'neighbour', family: 'anyone' },
      otherCenter: { veteran: 'li', family: 'anyone' }
    } as const
    // The veteran's own: a link of his family; the family member's own: her link (to neighbour, not her father's).
    if (role === 'veteran') return { own: { veteran: 'laowang', family: 'anyone' }, ...others }
    if (role === 'family') return { own: { veteran: 'neighbour', family: 'xiaowang' }, ...others }
    return others
  },
  receivedNotice: (role) => {
    const others = { other: { to: 'neighbour' }, otherCenter: { to: 'li' } } as const
    // A resident bound to nobody is in no notice's audience.
    if (role === 'veteran' || role === 'family') return { own: { to: 'laowang' }, ...others }
    return others
  },
  staffNotice: written,
  cityWideNotice: (role) => {
    // Only city-level staff and admins write city-wide notices.
    if (role === 'cityStaff') return { own: { by: 'city' }, other: { by: 'city2' } }
    if (role === 'admin') return { own: { by: 'admin' }, other: { by: 'city' } }
    return { other: { by: 'city' } }
  },
  policy: written,
  importJob: written,
  publicPolicy: () => ({ own: { published: true }, other: { published: false } }),
  slot: ofCenter,
  center: ofCenter,
  district: (role) =>
    role === 'centerStaff' ? { own: { at: 'donghu' }, otherCenter: { at: 'xijiang' } } : ofCenter(role),
  staffAccount: ofCenter,
  veteranRecord: (role) => {
    const others = { other: { of: 'neighbour' }, otherCenter: { of: 'li' } } as const
    if (role === 'veteran' || role === 'family') return { own: { of: 'laowang' }, ...others }
    if (role === 'anonymous' || role === 'resident') return others
    return { own: { of: RECORD_HOME[role] }, otherCenter: { of: RECORD_AWAY[role] } }
  }
}

export function viewOf(type: ObjectType, role: Role): View<ObjectType> {
  return (VIEWS[type] as (role: Role) => View<ObjectType>)(role)
}

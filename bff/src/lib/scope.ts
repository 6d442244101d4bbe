import type { Principal } from './principal'

/** Admins and staff of the city-level center see every district and center; other staff see their own. */
export function seesEverything(principal: Principal): boolean {
  return principal.role === 'admin' || principal.center?.level === 'city'
}

/** Whether a staff member may act on things of this center. */
export function canActOnCenter(principal: Principal, centerId: string): boolean {
  return seesEverything(principal) || principal.center?.id === centerId
}

/** Whether a staff member may see veterans of this district. */
export function canSeeDistrict(principal: Principal, districtCode: string): boolean {
  return seesEverything(principal) || principal.center?.districtCode === districtCode
}

import type { Principal } from '../../lib/principal'
import { seesEverything } from '../../lib/scope'

/**
 * The district a staff member's registry work is limited to: null for city-level staff and admins (every district),
 * their center's district otherwise. A staff account without a center sees no district at all ('').
 */
export function registryScopeOf(principal: Principal): string | null {
  if (seesEverything(principal)) return null
  return principal.center?.districtCode ?? ''
}

export function inRegistryScope(scopeDistrictCode: string | null, districtCode: string): boolean {
  return scopeDistrictCode === null || scopeDistrictCode === districtCode
}

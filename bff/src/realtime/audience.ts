import type { Principal } from '../lib/principal'
import { canActOnCenter } from '../lib/scope'

/**
 * Who a frame is for: these people, and/or the staff who serve this center (which includes city-level staff and
 * admins, who see every center). Nobody else receives it.
 */
export interface Audience {
  userIds?: string[]
  staffOfCenterId?: string
}

/** Whether a signed-in staff member or admin is among the audience's staff. */
export function isStaffAudience(principal: Principal, audience: Audience): boolean {
  if (audience.staffOfCenterId === undefined) return false
  if (principal.role !== 'staff' && principal.role !== 'admin') return false
  return canActOnCenter(principal, audience.staffOfCenterId)
}

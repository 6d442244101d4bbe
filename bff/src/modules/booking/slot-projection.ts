// The one projection of a slot, read by every slot query: people's lists, the staff schedule and the detail
// read inside transactions. Places left and people waiting are computed by these SQL expressions and nowhere
// else. `s` is the slot, `c` its center, `v` its service.

export interface SlotRow {
  id: string
  centerId: string
  serviceId: string
  startsAt: string
  endsAt: string
  capacity: number
  booked: number
  status: 'open' | 'closed'
  /** Places that can still be taken: none once the slot is closed. */
  remaining: number
  /** People on the waitlist. */
  waiting: number
}
export interface SlotDetailRow extends SlotRow {
  closedReason: string | null
  centerName: string
  centerAddress: string
  centerPhone: string
  serviceName: string
  requiredDocuments: string[]
}
/** A detail row as SQLite returns it: the documents still JSON text. */
export type StoredSlotDetailRow = Omit<SlotDetailRow, 'requiredDocuments'> & { requiredDocuments: string }

const REMAINING = "CASE WHEN s.status = 'open' AND s.booked < s.capacity THEN s.capacity - s.booked ELSE 0 END"
// People wait only for full slots (a freed place goes to the queue at once), so only those are counted.
const WAITING = `CASE WHEN s.booked < s.capacity THEN 0
  ELSE (SELECT count(*) FROM waitlist_entries w WHERE w.slot_id = s.id AND w.status = 'waiting') END`

export const SLOT_COLUMNS = `s.id, s.center_id AS centerId, s.service_id AS serviceId, s.starts_at AS startsAt, s.ends_at AS endsAt,
  s.capacity, s.booked, s.status, ${REMAINING} AS remaining, ${WAITING} AS waiting`
export const SLOT_DETAIL_COLUMNS = `${SLOT_COLUMNS}, s.closed_reason AS closedReason, c.name AS centerName, c.address AS centerAddress,
  c.phone AS centerPhone, v.name AS serviceName, v.required_documents AS requiredDocuments`
export const SLOT_DETAIL_FROM = 'slots s JOIN centers c ON c.id = s.center_id JOIN services v ON v.id = s.service_id'
export const SLOT_ORDER = 'ORDER BY s.starts_at, s.service_id, s.center_id'

export function slotDetailOf(row: StoredSlotDetailRow): SlotDetailRow {
  return { ...row, requiredDocuments: JSON.parse(row.requiredDocuments) as string[] }
}

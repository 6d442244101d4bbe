import type { StaffSlot } from '@veterans/shared'
import { addDays, beijingDateOf, beijingTimeOf } from '@veterans/shared/rules'

// A center's week at a glance (号源排班 at a desk): days as columns, times of day as rows, the slots in each cell.
// Pure, so the grid is tested without a page.

/** The Monday (Beijing calendar) of the week `date` falls in. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

export interface WeekGrid {
  days: string[]
  /** "09:00–09:30", in time order. */
  times: string[]
  /** Slots of a day and time: `${date}|${time}` → slots, by service name. */
  cells: Map<string, StaffSlot[]>
}

export const cellKey = (date: string, time: string) => `${date}|${time}`

export function weekGrid(slots: readonly StaffSlot[], monday: string): WeekGrid {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i))
  const cells = new Map<string, StaffSlot[]>()
  const times = new Set<string>()
  for (const slot of slots) {
    const date = beijingDateOf(slot.startsAt)
    if (!days.includes(date)) continue
    const time = `${beijingTimeOf(slot.startsAt)}–${beijingTimeOf(slot.endsAt)}`
    times.add(time)
    const key = cellKey(date, time)
    cells.set(key, [...(cells.get(key) ?? []), slot])
  }
  for (const list of cells.values()) list.sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'zh'))
  return { days, times: [...times].sort(), cells }
}

/** A slot in a cell: "就业创业指导 3/5" (places taken of capacity), or why it is not open. */
export function slotCellText(slot: StaffSlot): string {
  const taken = `${slot.booked}/${slot.capacity}`
  if (slot.status !== 'open') return `${slot.serviceName} ${taken}（已关闭）`
  return slot.booked >= slot.capacity ? `${slot.serviceName} ${taken}（约满）` : `${slot.serviceName} ${taken}`
}

import type { Me } from '@veterans/shared'
import { useState } from 'react'
import { useCatalog } from '../booking/use-catalog'

/**
 * The center a staff member works on: their own; staff of the city-level center and admins may pick any center
 * (the server allows them all).
 */
export function useStaffCenter(me: Me, initial?: string) {
  const catalog = useCatalog()
  const [picked, setPicked] = useState(initial ?? '')
  const own = catalog.data?.centers.find((c) => c.id === me.center?.id)
  const canPick = me.role === 'admin' || own?.level === 'city' || !me.center
  const centerId = (canPick && picked) || me.center?.id || ''
  const center = catalog.data?.centers.find((c) => c.id === centerId)
  const services = catalog.data?.services.filter((s) => center?.serviceIds.includes(s.id)) ?? []
  return { catalog, canPick, centerId, center, services, pickCenter: setPicked }
}
